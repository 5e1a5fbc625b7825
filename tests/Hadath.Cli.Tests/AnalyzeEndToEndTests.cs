using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Hadath.Cli.Tests;

/// <summary>Runs the built hadath binary as a user would, through standard input and output.</summary>
public class AnalyzeEndToEndTests
{
    [Fact]
    public void Five_thousand_documents_with_one_invalid_give_five_thousand_lines_and_exit_0()
    {
        var input = new MemoryStream();
        var utf8 = new UTF8Encoding(false);
        for (var i = 0; i < 5000; i++)
        {
            if (i == 1234)
            {
                input.Write(utf8.GetBytes("{\"id\": \"broken\", \"text\": \"غير مغلق"));
                input.WriteByte((byte)'\n');
                continue;
            }
            var line = JsonSerializer.Serialize(new { id = $"d{i}", text = $"قال الرئيس إن الاجتماع رقم {i} انتهى. وأضاف أنه سيعود غدا.", published = "2025-08-06" });
            input.Write(utf8.GetBytes(line));
            input.WriteByte((byte)'\n');
        }
        var (code, stdout, _) = Hadath.Run(["analyze", "--jsonl", "-"], input.ToArray());
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5000, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            if (i == 1234)
            {
                Assert.Equal("E002", root.GetProperty("error").GetProperty("code").GetString());
                continue;
            }
            Assert.Equal($"d{i}", root.GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
            Assert.Equal(2, root.GetProperty("sentences").GetArrayLength());
        }
    }

    [Fact]
    public void Bad_lines_each_get_an_error_and_the_run_goes_on()
    {
        var bytes = new List<byte>();
        void Line(byte[] b) { bytes.AddRange(b); bytes.Add((byte)'\n'); }
        Line("{\"id\":\"a\",\"text\":\"خبر أول.\"}"u8.ToArray());
        Line([0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]); // invalid UTF-8
        Line("{\"id\":\"c\",\"title\":\"no text\"}"u8.ToArray());
        Line("[1,2,3]"u8.ToArray());
        Line("{\"id\":\"e\",\"text\":\"   \"}"u8.ToArray());
        Line("{\"id\":\"f\",\"text\":\"خبر.\",\"published\":\"yesterday\"}"u8.ToArray());
        Line("{\"id\":\"g\",\"text\":\"<html><script>alert(1)</script> خبر أخير.\"}"u8.ToArray());
        var (code, stdout, stderr) = Hadath.Run(["analyze", "-"], [.. bytes]);
        Assert.Equal(0, code);
        var docs = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(7, docs.Count);
        string? Err(int i) => docs[i].GetProperty("error").ValueKind == JsonValueKind.Null ? null : docs[i].GetProperty("error").GetProperty("code").GetString();
        Assert.Equal([null, "E001", "E003", "E002", "E004", "E006", null], Enumerable.Range(0, 7).Select(Err));
        Assert.Contains("E001", stderr, StringComparison.Ordinal);

        var (failCode, _, _) = Hadath.Run(["analyze", "--fail-on-error", "-"], [.. bytes]);
        Assert.Equal(1, failCode);
    }

    [Fact]
    public void Seed_article_is_one_valid_document_with_its_sentences()
    {
        var sample = Repo.Sample("putin-witkoff.ar.txt");
        var (code, stdout, _) = Hadath.Run(["analyze", "--published", "2025-08-06", sample], []);
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        var root = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("2025-08-06", root.GetProperty("published").GetString());
        Assert.InRange(root.GetProperty("sentences").GetArrayLength(), 19, 20);
        foreach (var field in new[] { "entities", "events", "quotes", "times", "quantities" })
            Assert.Equal(JsonValueKind.Array, root.GetProperty(field).ValueKind);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_with_E005()
    {
        var text = new string('ب', 5000);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "big", text }) + "\n");
        var (code, stdout, _) = Hadath.Run(["analyze", "--max-chars", "1000", "-"], line);
        Assert.Equal(0, code);
        Assert.Equal("E005", JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Help_and_version_work()
    {
        Assert.Equal(0, Hadath.Run(["--version"], []).Code);
        var (code, stdout, _) = Hadath.Run(["analyze", "--help"], []);
        Assert.Equal(0, code);
        Assert.Contains("--published", stdout, StringComparison.Ordinal);
    }
}

internal static class Hadath
{
    public static (int Code, string Stdout, string Stderr) Run(string[] args, byte[] stdin)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hadath.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        p.StandardInput.BaseStream.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException("hadath did not finish"); }
        return (p.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}
