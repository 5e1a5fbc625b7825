namespace Hadath.Arabic;

/// <summary>
/// An immutable open-addressing hash table from short strings to values, looked up by span without
/// allocating. Keys live in one char array; each slot holds an entry index, and entries keep their hash so
/// that most probes are decided without comparing characters. Built once, read by any number of threads.
/// </summary>
internal sealed class SpanTable<TValue>
{
    private readonly char[] _chars;
    private readonly int[] _start;
    private readonly int[] _hash;
    private readonly TValue[] _values;
    private readonly int[] _slots; // entry index + 1, 0 = empty
    private readonly int _mask;

    public SpanTable(IReadOnlyDictionary<string, TValue> entries)
    {
        var n = entries.Count;
        _start = new int[n + 1];
        _hash = new int[n];
        _values = new TValue[n];
        _chars = new char[entries.Sum(e => e.Key.Length)];
        var size = 16;
        while (size < n * 2) size <<= 1;
        _slots = new int[size];
        _mask = size - 1;
        var i = 0;
        var pos = 0;
        foreach (var (key, value) in entries)
        {
            key.CopyTo(_chars.AsSpan(pos));
            _start[i] = pos;
            pos += key.Length;
            _hash[i] = Hash(key);
            _values[i] = value;
            var slot = _hash[i] & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = i + 1;
            i++;
        }
        _start[n] = pos;
    }

    public int Count => _values.Length;

    public bool TryGetValue(ReadOnlySpan<char> key, out TValue value)
    {
        var h = Hash(key);
        var slot = h & _mask;
        while (true)
        {
            var e = _slots[slot] - 1;
            if (e < 0) break;
            if (_hash[e] == h)
            {
                var s = _start[e];
                if (_start[e + 1] - s == key.Length && _chars.AsSpan(s, key.Length).SequenceEqual(key))
                {
                    value = _values[e];
                    return true;
                }
            }
            slot = (slot + 1) & _mask;
        }
        value = default!;
        return false;
    }

    private static int Hash(ReadOnlySpan<char> s)
    {
        var h = 2166136261u ^ (uint)s.Length;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }
}
