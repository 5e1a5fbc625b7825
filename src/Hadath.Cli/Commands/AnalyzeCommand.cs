using System.CommandLine;
using System.Text;
using Hadath.Core.Diagnostics;
using Hadath.Core.Input;
using Hadath.Core.Model;
using Hadath.Extraction;

namespace Hadath.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files to analyse: .txt (plain text), .jsonl (JSON Lines: id, text, published, url, title). '-' reads JSON Lines from standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var jsonl = new Option<string?>("--jsonl") { Description = "Read JSON Lines from this file ('-' for standard input)." };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for plain-text inputs; anchors relative dates." };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON (one document may then span several lines)." };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var failOnError = new Option<bool>("--fail-on-error") { Description = "Exit with code 1 when any document could not be analysed." };
        var tokens = new Option<bool>("--tokens") { Description = "Include tokens with their clitic segments in the output." };
        var explain = new Option<bool>("--explain") { Description = "Include, for every event, the lexicon entry and rules that produced it, and list the triggers found but not coded with the reason (dropped_triggers)." };
        var maxChars = new Option<int>("--max-chars") { Description = "Refuse documents longer than this many characters (error E005).", DefaultValueFactory = _ => 2_000_000 };
        var threads = new Option<int>("--threads") { Description = "Documents analysed in parallel (output order is kept).", DefaultValueFactory = _ => Environment.ProcessorCount };

        var cmd = new Command("analyze", "Analyse Arabic news documents and write one analysed document (JSON) per input, in input order.")
        {
            inputs, jsonl, published, pretty, output, failOnError, tokens, explain, maxChars, threads,
        };
        cmd.SetAction(parse =>
        {
            DateOnly? pub = null;
            var pubText = parse.GetValue(published);
            if (pubText is not null)
            {
                if (!InputReader.TryParseDate(pubText, out var d))
                {
                    Console.Error.WriteLine($"{ErrorCode.InvalidPublished}: --published \"{pubText}\" is not a date (YYYY-MM-DD)");
                    return 2;
                }
                pub = d;
            }
            var sources = new List<string>(parse.GetValue(inputs) ?? []);
            var jl = parse.GetValue(jsonl);
            if (jl is not null) sources.Add(jl == "-" ? "-" : jl);
            if (sources.Count == 0)
            {
                Console.Error.WriteLine("nothing to analyse: give a file, or '-' / '--jsonl -' to read JSON Lines from standard input (see --help)");
                return 2;
            }
            var options = new PipelineOptions { MaxChars = parse.GetValue(maxChars), Tokens = parse.GetValue(tokens), Explain = parse.GetValue(explain) };
            var pipeline = PipelineFactory.Create(options);
            var records = Inputs.Read(sources, pub, jsonlForced: jl is not null);
            using var writer = Outputs.Open(parse.GetValue(output));
            var failed = 0;
            foreach (var doc in Batch.AnalyzeOrdered(pipeline, records, Math.Max(1, parse.GetValue(threads))))
            {
                if (doc.Error is not null)
                {
                    failed++;
                    Console.Error.WriteLine($"{doc.Error.Code}: {doc.Id}: {doc.Error.Message}");
                }
                writer.WriteLine(ContractJson.Serialize(doc, parse.GetValue(pretty)));
            }
            writer.Flush();
            return failed > 0 && parse.GetValue(failOnError) ? 1 : 0;
        });
        return cmd;
    }
}

internal static class Outputs
{
    public static TextWriter Open(string? path)
    {
        var stream = path is null or "-" ? Console.OpenStandardOutput() : File.Create(path);
        return new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }
}

internal static class Inputs
{
    /// <summary>Every source as records; a file that cannot be opened becomes one error record.</summary>
    public static IEnumerable<InputRecord> Read(IEnumerable<string> sources, DateOnly? published, bool jsonlForced)
    {
        foreach (var src in sources)
        {
            if (src == "-")
            {
                foreach (var r in InputReader.ReadJsonLines(Console.OpenStandardInput(), "stdin-")) yield return WithPublished(r, published);
                continue;
            }
            Stream? stream = null;
            string? failure = null;
            try
            {
                stream = File.OpenRead(src);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                failure = e.Message;
            }
            if (stream is null)
            {
                yield return InputRecord.Failed(src, ErrorCode.UnreadableFile, $"cannot read {src}: {failure}", 0);
                continue;
            }
            using (stream)
            {
                var isJsonl = jsonlForced || src.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || src.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
                if (isJsonl)
                {
                    foreach (var r in InputReader.ReadJsonLines(stream, Path.GetFileName(src) + ":")) yield return WithPublished(r, published);
                }
                else
                {
                    yield return InputReader.ReadPlainText(stream, Path.GetFileNameWithoutExtension(src), published);
                }
            }
        }
    }

    private static InputRecord WithPublished(InputRecord r, DateOnly? published) =>
        published is null || r.Document is null || r.Document.Published is not null ? r
            : r with { Document = new InputDocument { Id = r.Document.Id, Text = r.Document.Text, Published = published, Url = r.Document.Url, Title = r.Document.Title, Source = r.Document.Source } };
}

internal static class Batch
{
    /// <summary>Analyses records on several threads, yielding results in input order; memory stays bounded.</summary>
    public static IEnumerable<AnalyzedDocument> AnalyzeOrdered(Pipeline pipeline, IEnumerable<InputRecord> records, int threads)
    {
        const int chunk = 64;
        var batch = new List<InputRecord>(chunk);
        foreach (var r in records)
        {
            batch.Add(r);
            if (batch.Count < chunk * threads) continue;
            foreach (var d in Run(pipeline, batch, threads)) yield return d;
            batch.Clear();
        }
        foreach (var d in Run(pipeline, batch, threads)) yield return d;
    }

    private static AnalyzedDocument[] Run(Pipeline pipeline, List<InputRecord> batch, int threads)
    {
        var results = new AnalyzedDocument[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var r = batch[i];
            results[i] = r.Document is null
                ? AnalyzedDocument.Failed(r.Id, r.Error!.Code, r.Error.Message)
                : pipeline.Analyze(r.Document);
        });
        return results;
    }
}
