using System.Text.Json;
using Hadath.Core.Model;
using Hadath.Extraction.Entities;
using Hadath.Knowledge.Kb;

namespace Hadath.Extraction.Tests.Entities;

/// <summary>The seed article's gold entities (../shared/fixtures/seed): each is found, with its country.</summary>
public class SeedEntitiesTests
{
    [Fact]
    public void Every_gold_entity_of_the_seed_article_is_found_with_its_country()
    {
        var gold = JsonDocument.Parse(File.ReadAllText(Repo.Shared("fixtures", "seed", "putin-witkoff.expected.json")));
        var text = File.ReadAllText(Repo.Shared("fixtures", "seed", "putin-witkoff.ar.txt"));
        var doc = new Pipeline([new EntityRecognizer(KnowledgeBase.Default)]).Analyze(new InputDocument { Id = "seed", Text = text, Published = new DateOnly(2025, 8, 6) });
        var missed = new List<string>();
        foreach (var g in gold.RootElement.GetProperty("entities").EnumerateArray())
        {
            var surface = g.GetProperty("text").GetString()!;
            var country = g.GetProperty("country").GetString();
            var spans = new List<(int, int)>();
            for (var i = text.IndexOf(surface, StringComparison.Ordinal); i >= 0; i = text.IndexOf(surface, i + 1, StringComparison.Ordinal)) spans.Add((i, i + surface.Length));
            var hits = doc.Entities.Where(e => spans.Any(s => e.Start < s.Item2 && s.Item1 < e.End)).ToList();
            if (hits.Count == 0 || (country is not null && !hits.Any(h => h.Actor?.Country == country))) missed.Add($"{surface} ({country})");
        }
        Assert.Empty(missed);
    }
}
