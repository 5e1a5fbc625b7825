using Hadath.Core.Diagnostics;

namespace Hadath.Knowledge;

/// <summary>One data line of a TSV file: its 1-based line number and its tab-separated fields.</summary>
internal readonly record struct LexiconRow(string File, int Line, string[] Fields)
{
    public string this[int i] => i < Fields.Length ? Fields[i] : "";

    /// <summary>"file:line" for messages.</summary>
    public string Where => $"{File}:{Line}";

    public HadathException Error(string code, string message) => new(code, $"{code}: {Where}: {message}");
}

/// <summary>Reads analyst-editable TSV files: '#' starts a comment line, blank lines are skipped, fields are tab-separated
/// and trimmed of surrounding spaces.</summary>
internal static class LexiconTsv
{
    public static IEnumerable<LexiconRow> Rows(string file, IEnumerable<(int Line, string Text)> lines, int minFields, int maxFields)
    {
        foreach (var (line, text) in lines)
        {
            if (text.Length == 0 || text[0] == '#' || string.IsNullOrWhiteSpace(text)) continue;
            var fields = text.Split('\t');
            for (var i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim();
            var row = new LexiconRow(file, line, fields);
            if (fields.Length < minFields || fields.Length > maxFields)
            {
                var want = minFields == maxFields ? $"{minFields}" : $"{minFields} to {maxFields}";
                throw row.Error(ErrorCode.LexiconLine, $"expected {want} tab-separated fields, found {fields.Length}");
            }
            yield return row;
        }
    }
}
