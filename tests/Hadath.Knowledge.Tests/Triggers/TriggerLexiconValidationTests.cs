using Hadath.Core.Diagnostics;
using Hadath.Knowledge.Triggers;

namespace Hadath.Knowledge.Tests.Triggers;

public class TriggerLexiconValidationTests
{
    private const string Header = "# id\tpos\tforms\ttype\tmode\tcameo\tcontexts\ttarget\tvoice\tstrength\tlookalikes\tnote";
    private const string Good = "consult.meet.verb\tverb\tالتقى/يلتقي\tCONSULT\t\t040\t\tobj;مع\tactive\tstrong\t\tmet";

    private static HadathException LoadFails(params string[] lines)
    {
        var numbered = lines.Select((l, i) => (i + 1, l)).ToList();
        return Assert.Throws<HadathException>(() => TriggerLexicon.Load(numbered, "test.tsv"));
    }

    private static TriggerLexicon LoadOk(params string[] lines) =>
        TriggerLexicon.Load(lines.Select((l, i) => (i + 1, l)).ToList(), "test.tsv");

    [Fact]
    public void A_valid_file_loads_with_entry_ids_and_source_lines()
    {
        var lex = LoadOk(Header, "", Good);
        var e = Assert.Single(lex.Entries);
        Assert.Equal("consult.meet.verb", e.Id);
        Assert.Equal("test.tsv:3", e.Source);
        Assert.Equal(["obj", "مع"], e.TargetMarkers);
        Assert.Equal("CONSULT", e.Type);
        Assert.Equal(1, e.Coding.Goldstein); // ICEWS value of 040
    }

    [Fact]
    public void A_line_with_too_few_columns_is_E101_with_its_line_number()
    {
        var e = LoadFails(Header, Good, "consult.visit.verb\tverb\tزار/يزور\tCONSULT");
        Assert.Equal(ErrorCode.LexiconLine, e.Code);
        Assert.StartsWith("E101: test.tsv:3:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x\tverb\tقصف\tATTACK\t\t190\t\tobj\tactive\tstrong", "unknown PLOVER type 'ATTACK'")]
    [InlineData("x\tverb\tقصف\tASSAULT\t\t1999\t\tobj\tactive\tstrong", "unknown CAMEO code '1999'")]
    [InlineData("x\tverb\tقصف\tASSAULT\tnapalm\t190\t\tobj\tactive\tstrong", "'napalm' is not a PLOVER mode of ASSAULT")]
    [InlineData("x\tverb\tقصف\tASSAULT\t\t190\twarfare\tobj\tactive\tstrong", "unknown PLOVER context 'warfare'")]
    public void Unknown_codes_are_E103_with_their_line(string line, string message)
    {
        var e = LoadFails(Header, line);
        Assert.Equal(ErrorCode.LexiconUnknownCode, e.Code);
        Assert.Contains("test.tsv:2", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x\tadverb\tقصف\tASSAULT\t\t190\t\tobj\tactive\tstrong", "pos must be")]
    [InlineData("x\tverb\tقصف\tASSAULT\t\t043\t\tobj\tactive\tstrong", "CAMEO code 043 is coded CONSULT")]
    [InlineData("x\tverb\tقصف\tASSAULT\t\t190\t\tover\tactive\tstrong", "target 'over'")]
    [InlineData("x\tverb\tقصف\tASSAULT\t\t190\t\tobj\tmiddle\tstrong", "voice must be")]
    [InlineData("x\tverb\tقصف\tASSAULT\t\t190\t\tobj\tactive\tvery", "strength must be")]
    [InlineData("x\tverb\tفرض … عقوبات\tSANCTION\t\t163\t\tعلى\tactive\tstrong", "use pos expr")]
    [InlineData("x\texpr\tفرض:v …\tSANCTION\t\t163\t\tعلى\tactive\tstrong", "ends with a gap")]
    [InlineData("x\texpr\tفرض:q … عقوبات\tSANCTION\t\t163\t\tعلى\tactive\tstrong", "unknown class ':q'")]
    [InlineData("x\tverb\tqasf\tASSAULT\t\t190\t\tobj\tactive\tstrong", "'qasf' is not an Arabic word")]
    [InlineData("x\tverb\tزار/زور\tCONSULT\t\t042\t\tobj\tactive\tstrong", "must be an Arabic word starting with ي")]
    [InlineData("X Y\tverb\tقصف\tASSAULT\t\t190\t\tobj\tactive\tstrong", "id 'X Y'")]
    public void Malformed_fields_are_E101_with_their_line(string line, string message)
    {
        var e = LoadFails(Header, line);
        Assert.Equal(ErrorCode.LexiconLine, e.Code);
        Assert.Contains("test.tsv:2", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_E101()
    {
        var e = LoadFails(Header, Good, Good);
        Assert.Equal(ErrorCode.LexiconLine, e.Code);
        Assert.Contains("test.tsv:3: duplicate id 'consult.meet.verb'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mode_and_contexts_default_to_the_CAMEO_mapping_and_dash_means_none()
    {
        var lex = LoadOk(Header,
            "a\tverb\tاستقبل\tCONSULT\t\t043\t\tobj\tactive\tstrong",
            "b\tverb\tزار/يزور\tCONSULT\t-\t042\t-\tobj\tactive\tstrong",
            "c\tverb\tقصف\tASSAULT\taerial\t195\tmilitary;terrorism\tobj\tactive\tweak");
        Assert.Equal("visit", lex.Find("a")!.Mode);
        Assert.Null(lex.Find("b")!.Mode);
        Assert.Empty(lex.Find("b")!.Contexts);
        Assert.Equal("aerial", lex.Find("c")!.Mode);
        Assert.Equal(["military", "terrorism"], lex.Find("c")!.Contexts);
        Assert.Equal(TriggerStrength.Weak, lex.Find("c")!.Strength);
    }

    [Fact]
    public void Every_shipped_entry_has_a_coherent_coding()
    {
        var ontology = Ontology.Default;
        foreach (var e in TriggerLexicon.Default.Entries)
        {
            Assert.Same(e.Coding.Type, ontology.Cameo(e.Cameo)!.Plover!.Type);
            if (e.Mode is not null) Assert.NotNull(e.Coding.Type.Mode(e.Mode));
            Assert.All(e.Contexts, c => Assert.True(ontology.IsContext(c)));
            Assert.False(string.IsNullOrWhiteSpace(e.Note), e.Id);
        }
    }
}
