using System.CommandLine;
using System.Text;
using Hadath.Arabic;

namespace Hadath.Cli.Commands;

internal static class TokenizeCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "A text file, one sentence a line ('-' or nothing: standard input).", Arity = ArgumentArity.ZeroOrOne };
        var conllu = new Option<bool>("--conllu") { Description = "Write CoNLL-U, clitics as separate tokens (the default)." };
        var tsv = new Option<bool>("--tsv") { Description = "Write one token a line: start, end, kind, surface, segments." };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var explain = new Option<bool>("--explain") { Description = "For each word of the input, list the clitic readings considered with their scores (best first)." };
        var cmd = new Command("tokenize", "Split Arabic text into tokens and clitics, one input line a sentence.") { input, conllu, tsv, output, explain };
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(explain))
            {
                var p = parse.GetValue(input);
                using var r = p is null or "-" ? new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false)) : new StreamReader(p, new UTF8Encoding(false));
                using var wr = Outputs.Open(parse.GetValue(output));
                while (r.ReadLine() is { } l)
                    foreach (var tok in Tokenizer.Tokenize(l))
                        if (tok.Kind == TokenKind.Word)
                            wr.WriteLine(l[tok.Start..tok.End] + "\t" + string.Join(" | ", CliticSegmenter.Default.Explain(l[tok.Start..tok.End])));
                return 0;
            }
            var path = parse.GetValue(input);
            using var reader = path is null or "-"
                ? new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false))
                : new StreamReader(path, new UTF8Encoding(false));
            using var writer = Outputs.Open(parse.GetValue(output));
            var asTsv = parse.GetValue(tsv);
            var n = 0;
            while (reader.ReadLine() is { } line)
            {
                n++;
                var text = ArabicAnalyzer.Default.Analyze(line);
                if (asTsv) WriteTsv(writer, text);
                else WriteConllu(writer, text, n);
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>CoNLL-U with every clitic a token of its own (as UD Arabic-PUD writes them) and SpaceAfter=No inside words.</summary>
    internal static void WriteConllu(TextWriter w, ArabicText text, int sentenceNo)
    {
        w.Write("# sent_id = ");
        w.WriteLine(sentenceNo);
        w.Write("# text = ");
        w.WriteLine(text.Text);
        var id = 0;
        var sb = new StringBuilder();
        Span<TextSpan> pro = stackalloc TextSpan[4];
        for (var t = 0; t < text.Tokens.Count; t++)
        {
            var tok = text.Tokens[t];
            var nextStart = t + 1 < text.Tokens.Count ? text.Tokens[t + 1].Start : -1;
            var spaceAfter = nextStart != tok.End;
            var parts = new List<TextSpan>(4);
            var np = CliticSegmenter.ProcliticParts(text.Text, tok, pro);
            for (var i = 0; i < np; i++) parts.Add(pro[i]);
            if (!tok.Stem.IsEmpty) parts.Add(tok.Stem);
            if (tok.EncliticLength > 0) parts.Add(tok.Enclitic);
            for (var p = 0; p < parts.Count; p++)
            {
                id++;
                sb.Clear();
                var form = parts[p].Of(text.Text).ToString().Replace('\t', ' ');
                sb.Append(id).Append('\t').Append(form).Append("\t_\t").Append(Upos(tok, p, parts.Count)).Append("\t_\t_\t_\t_\t_\t");
                sb.Append(p < parts.Count - 1 || !spaceAfter ? "SpaceAfter=No" : "_");
                w.WriteLine(sb.ToString());
            }
        }
        w.WriteLine();
    }

    private static string Upos(Token tok, int part, int parts) => tok.Kind switch
    {
        TokenKind.Punctuation => "PUNCT",
        TokenKind.Number => "NUM",
        TokenKind.Symbol => "SYM",
        TokenKind.Foreign => "X",
        _ when part < parts - 1 - (tok.EncliticLength > 0 ? 1 : 0) => "ADP",
        _ when tok.EncliticLength > 0 && part == parts - 1 => "PRON",
        _ => "_",
    };

    private static void WriteTsv(TextWriter w, ArabicText text)
    {
        foreach (var tok in text.Tokens)
        {
            w.Write(tok.Start); w.Write('\t'); w.Write(tok.End); w.Write('\t'); w.Write(tok.Kind); w.Write('\t');
            w.Write(tok.Span.Of(text.Text)); w.Write('\t');
            w.Write(tok.ProcliticLength); w.Write('+'); w.Write(tok.Stem.Of(text.Text)); w.Write('+'); w.WriteLine(tok.EncliticLength);
        }
        w.WriteLine();
    }
}
