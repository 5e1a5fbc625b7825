using System.Globalization;
using System.Text;
using Hadath.Core.Diagnostics;
using Hadath.Core.Input;
using Hadath.Core.Model;

namespace Hadath.Corpus.Ingest;

/// <summary>
/// Reads documents from CSV (RFC 4180: comma-separated, double-quoted fields may hold commas, quotes and line breaks)
/// with a header row naming the columns: <c>text</c> (required), and optionally <c>id</c>, <c>published</c> (or
/// <c>date</c>), <c>url</c>, <c>title</c>, <c>source</c>. Every row becomes one record; a row without text is an error
/// record and reading goes on.
/// </summary>
public static class CsvDocumentReader
{
    /// <summary>The records of a CSV stream.</summary>
    public static IEnumerable<InputRecord> Read(Stream stream, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var rows = Rows(reader).GetEnumerator();
        if (!rows.MoveNext())
            yield break;
        var header = rows.Current.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Col(params string[] names)
        {
            foreach (var n in names)
            {
                var i = header.IndexOf(n);
                if (i >= 0) return i;
            }
            return -1;
        }
        var text = Col("text", "body", "content");
        var id = Col("id", "doc_id");
        var pub = Col("published", "date", "publication_date");
        var url = Col("url", "link");
        var title = Col("title", "headline");
        var source = Col("source", "outlet");
        if (text < 0)
        {
            yield return InputRecord.Failed(idPrefix, ErrorCode.MissingText, $"{idPrefix}: the CSV header has no \"text\" column (columns: {string.Join(", ", header)})", 1);
            yield break;
        }
        long row = 1;
        while (rows.MoveNext())
        {
            row++;
            var f = rows.Current;
            string? Get(int i) => i >= 0 && i < f.Count && !string.IsNullOrWhiteSpace(f[i]) ? f[i] : null;
            var docId = Get(id) ?? idPrefix + row.ToString(CultureInfo.InvariantCulture);
            var t = Get(text);
            if (t is null)
            {
                yield return InputRecord.Failed(docId, ErrorCode.EmptyText, $"{idPrefix}: row {row} has no text", row);
                continue;
            }
            DateOnly? published = null;
            if (Get(pub) is { } p)
            {
                if (HtmlArticleReader.ParseDate(p) is not { } d)
                {
                    yield return InputRecord.Failed(docId, ErrorCode.InvalidPublished, $"{idPrefix}: row {row}: published \"{p}\" is not a date", row);
                    continue;
                }
                published = d;
            }
            yield return InputRecord.Ok(new InputDocument { Id = docId, Text = t, Published = published, Url = Get(url), Title = Get(title), Source = Get(source) }, row);
        }
    }

    /// <summary>RFC 4180 rows: fields may be quoted; "" inside quotes is one quote; quoted fields may span lines.</summary>
    public static IEnumerable<List<string>> Rows(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var field = new StringBuilder();
        var row = new List<string>();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    if (row.Count > 1 || row[0].Length > 0) yield return row;
                    row = [];
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (any)
        {
            row.Add(field.ToString());
            if (row.Count > 1 || row[0].Length > 0) yield return row;
        }
    }
}
