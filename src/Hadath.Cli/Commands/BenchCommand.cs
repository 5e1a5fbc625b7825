using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hadath.Core.Input;
using Hadath.Core.Model;
using Hadath.Extraction;

namespace Hadath.Cli.Commands;

/// <summary>
/// <c>hadath bench</c>: the whole analysis pipeline over a corpus of documents, on one thread, several rounds; reports
/// start-up time, throughput (median MB/s and documents/s, and by processor time), events per document and peak memory.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "JSON Lines files of documents (id, text, published).", Arity = ArgumentArity.OneOrMore };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds over the corpus (the median is reported).", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed rounds first (JIT and caches).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var cmd = new Command("bench", "Measure the analysis pipeline on a corpus: start-up, MB/s and documents/s on one core, peak memory.") { inputs, rounds, warmup, json };
        cmd.SetAction(parse =>
        {
            var startup = Stopwatch.StartNew();
            var pipeline = PipelineFactory.Create(new PipelineOptions());
            pipeline.Analyze(new InputDocument { Id = "warm", Text = "قال الرئيس إن الاجتماع انتهى." });
            startup.Stop();
            var docs = new List<InputDocument>();
            foreach (var path in parse.GetValue(inputs) ?? [])
            {
                using var stream = File.OpenRead(path);
                foreach (var r in InputReader.ReadJsonLines(stream))
                    if (r.Document is not null) docs.Add(r.Document);
            }
            if (docs.Count == 0)
            {
                Console.Error.WriteLine("no readable documents in the inputs");
                return 2;
            }
            var bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
            for (var i = 0; i < parse.GetValue(warmup); i++) RunOnce(pipeline, docs, out _);
            var wall = new List<double>();
            var cpu = new List<double>();
            var events = 0;
            var n = Math.Max(1, parse.GetValue(rounds));
            for (var i = 0; i < n; i++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                RunOnce(pipeline, docs, out events);
                sw.Stop();
                var cpuUsed = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                wall.Add(sw.Elapsed.TotalSeconds);
                cpu.Add(cpuUsed);
                if (!parse.GetValue(json) && Console.IsErrorRedirected is false)
                    Console.Error.Write($"\rround {i + 1}/{n}: {bytes / 1e6 / sw.Elapsed.TotalSeconds:F2} MB/s   ");
            }
            if (!Console.IsErrorRedirected) Console.Error.WriteLine();
            var medWall = Median(wall);
            var medCpu = Median(cpu);
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            var inv = CultureInfo.InvariantCulture;
            if (parse.GetValue(json))
            {
                Console.WriteLine(string.Create(inv, $"{{\"documents\": {docs.Count}, \"megabytes\": {bytes / 1e6:F3}, \"rounds\": {n}, \"startup_s\": {startup.Elapsed.TotalSeconds:F3}, \"median_s\": {medWall:F3}, \"mb_per_s\": {bytes / 1e6 / medWall:F3}, \"docs_per_s\": {docs.Count / medWall:F1}, \"mb_per_cpu_s\": {bytes / 1e6 / medCpu:F3}, \"events_per_doc\": {(double)events / docs.Count:F2}, \"peak_mb\": {peakMb:F0}}}"));
            }
            else
            {
                Console.WriteLine(string.Create(inv, $"documents        {docs.Count:N0} ({bytes / 1e6:F2} MB of UTF-8 text)"));
                Console.WriteLine(string.Create(inv, $"start-up         {startup.Elapsed.TotalSeconds:F2} s (pipeline built, knowledge base and lexicons loaded)"));
                Console.WriteLine(string.Create(inv, $"median of {n}      {medWall:F2} s wall, {medCpu:F2} s processor (one thread)"));
                Console.WriteLine(string.Create(inv, $"throughput       {bytes / 1e6 / medWall:F2} MB/s, {docs.Count / medWall:F0} documents/s ({bytes / 1e6 / medCpu:F2} MB per processor second)"));
                Console.WriteLine(string.Create(inv, $"events           {(double)events / docs.Count:F2} per document"));
                Console.WriteLine(string.Create(inv, $"peak memory      {peakMb:F0} MB"));
            }
            return 0;
        });
        return cmd;
    }

    private static void RunOnce(Pipeline pipeline, List<InputDocument> docs, out int events)
    {
        events = 0;
        foreach (var d in docs) events += pipeline.Analyze(d).Events.Count;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
