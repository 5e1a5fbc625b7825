using Hadath.Core.Input;
using Hadath.Core.Model;

namespace Hadath.Extraction.Tests.Golden;

/// <summary>
/// Golden sentences for the event coder (Golden/events.tsv): each line names a construction and the events the full
/// default pipeline must produce for it (type, source and target country, modality), or must not produce.
/// </summary>
public class GoldenEventTests
{
    private static readonly Lazy<Pipeline> Full = new(() => DefaultPipeline.Create());

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Golden", "events.tsv")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Construction_is_coded(string family, string published, string sentence, string expectations)
    {
        Assert.True(InputReader.TryParseDate(published, out var pub));
        var doc = Full.Value.Analyze(new InputDocument { Id = family, Text = sentence, Published = pub });
        Assert.Null(doc.Error);
        var got = string.Join(" | ", doc.Events.Select(e => $"{e.Type} {e.Source?.Country ?? "-"}>{e.Target?.Country ?? "-"} {e.Modality}"));
        foreach (var exp in expectations.Split(" ; ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (exp[0] == '!')
            {
                // "!TYPE" or "!TYPE SRC>TGT": no asserted event of that type (between those actors)
                var neg = exp[1..].Split(' ');
                var negDyad = neg.Length > 1 ? neg[1].Split('>') : ["*", "*"];
                Assert.False(doc.Events.Any(e => e.Type == neg[0] && e.Modality is "asserted" && Matches(negDyad[0], e.Source) && Matches(negDyad[1], e.Target)),
                    $"{family}: no asserted {exp[1..]} expected; got {got}");
                continue;
            }
            var parts = exp.Split(' ');
            var (t, dyad, modality) = (parts[0], parts[1].Split('>'), parts[2]);
            Assert.True(doc.Events.Any(e => e.Type == t && (modality == "*" || e.Modality == modality) && Matches(dyad[0], e.Source) && Matches(dyad[1], e.Target)),
                $"{family}: expected {exp}; got {got}");
        }
    }

    private static bool Matches(string want, ActorOut? actor) => want switch
    {
        "*" => true,
        "-" => actor is null,
        _ => actor?.Country == want,
    };
}
