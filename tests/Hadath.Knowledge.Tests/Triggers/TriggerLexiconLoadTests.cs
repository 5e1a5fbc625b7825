using Hadath.Knowledge.Triggers;

namespace Hadath.Knowledge.Tests.Triggers;

public class TriggerLexiconLoadTests
{
    [Fact]
    public void The_shipped_lexicon_loads_and_covers_all_sixteen_types()
    {
        var lex = TriggerLexicon.Default;
        var types = lex.Entries.Select(e => e.Type).Distinct().ToHashSet();
        Assert.Equal(Ontology.Default.Types.Select(t => t.Name).ToHashSet(), types);
        Assert.True(lex.Entries.Count >= 300, $"{lex.Entries.Count} entries");
    }
}
