namespace Hadath.Arabic;

/// <summary>
/// An immutable open-addressing hash table from short strings to values, looked up by span without
/// allocating. Keys live in one char array; each slot holds the key's hash, its place in that array and the
/// value, so a probe touches one slot (one cache line) and compares characters only when the hashes agree.
/// Built once, read by any number of threads.
/// </summary>
internal sealed class SpanTable<TValue> where TValue : struct
{
    private struct Slot
    {
        public int Hash; // 0 = empty (hashes are made non-zero)
        public int Start;
        public int Length;
        public TValue Value;
    }

    private readonly char[] _chars;
    private readonly Slot[] _slots;
    private readonly int _mask;

    public SpanTable(IReadOnlyDictionary<string, TValue> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Count = entries.Count;
        _chars = new char[entries.Sum(e => e.Key.Length)];
        var size = 16;
        while (size < Count * 2) size <<= 1;
        _slots = new Slot[size];
        _mask = size - 1;
        var pos = 0;
        foreach (var (key, value) in entries)
        {
            key.CopyTo(_chars.AsSpan(pos));
            var h = Hash(key);
            var slot = h & _mask;
            while (_slots[slot].Hash != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot { Hash = h, Start = pos, Length = key.Length, Value = value };
            pos += key.Length;
        }
    }

    public int Count { get; }

    public bool TryGetValue(ReadOnlySpan<char> key, out TValue value)
    {
        var h = Hash(key);
        var i = h & _mask;
        var slots = _slots;
        while (true)
        {
            ref readonly var s = ref slots[i];
            if (s.Hash == 0) break;
            if (s.Hash == h && s.Length == key.Length && _chars.AsSpan(s.Start, s.Length).SequenceEqual(key))
            {
                value = s.Value;
                return true;
            }
            i = (i + 1) & _mask;
        }
        value = default;
        return false;
    }

    private static int Hash(ReadOnlySpan<char> s)
    {
        var h = 2166136261u ^ (uint)s.Length;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF) | 1;
    }
}
