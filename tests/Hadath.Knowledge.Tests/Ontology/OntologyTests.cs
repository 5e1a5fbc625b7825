using Hadath.Core.Diagnostics;

namespace Hadath.Knowledge.Tests;

public class OntologyTests
{
    private static readonly Knowledge.Ontology O = Knowledge.Ontology.Default;

    [Fact]
    public void The_tables_have_the_sixteen_types_the_thirty_seven_contexts_and_the_ICEWS_codes()
    {
        Assert.Equal(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
            "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], O.Types.Select(t => t.Name));
        Assert.Equal(37, O.Contexts.Count);
        Assert.Equal(313, O.Codes.Count); // 312 ICEWS codes and 1214 from the PLOVER mapping
        Assert.All(O.Codes.Where(c => c.Root != "01"), c => Assert.NotNull(c.Plover));
        Assert.All(O.Codes.Where(c => c.Root == "01"), c => Assert.Null(c.Plover));
    }

    [Fact]
    public void Hosting_a_visit_is_CONSULT_visit_with_its_Goldstein_value()
    {
        var c = O.Coding("043")!;
        Assert.Equal("CONSULT", c.Type.Name);
        Assert.Equal("visit", c.Mode?.Name);
        Assert.Equal("04", c.CameoRoot);
        Assert.Equal(QuadClass.VerbalCooperation, c.QuadClass);
        Assert.Equal(2.8, c.Goldstein);
        Assert.Equal("Host a visit", O.Cameo("043")!.Name);
    }

    [Theory]
    [InlineData("1312", "THREATEN", "restrict", "economic", -5.8)]
    [InlineData("062", "COOPERATE", null, "military", 7.4)]
    [InlineData("145", "PROTEST", "riot", null, -7.5)]
    [InlineData("173", "COERCE", "arrest", "legal", -5)]
    [InlineData("195", "ASSAULT", "heavy-weapons", "military", -10)]
    [InlineData("186", "ASSAULT", "targeted", null, -10)]
    [InlineData("0233", "REQUEST", "assist", "human_security", 3.4)]
    [InlineData("163", "SANCTION", "discontinue", "economic", -8)]
    [InlineData("057", "AGREE", null, "diplomatic", 8)]
    [InlineData("0841", "CONCEDE", null, "legal", 7)]
    [InlineData("0871", "RETREAT", "ceasefire", "military", 9)]
    public void CAMEO_codes_map_to_their_PLOVER_coding(string code, string type, string? mode, string? context, double goldstein)
    {
        var c = O.Coding(code)!;
        Assert.Equal(type, c.Type.Name);
        Assert.Equal(mode, c.Mode?.Name);
        if (context is null) Assert.Empty(c.Contexts); else Assert.Contains(context, c.Contexts);
        Assert.Equal(goldstein, c.Goldstein);
        Assert.Equal(code[..2], c.CameoRoot);
    }

    [Fact]
    public void Modes_and_contexts_of_the_mapping_are_all_defined_ones()
    {
        foreach (var code in O.Codes.Where(c => c.Plover is not null))
        {
            var p = code.Plover!;
            if (p.Mode is not null) Assert.Same(p.Mode, p.Type.Mode(p.Mode.Name));
            Assert.All(p.Contexts, x => Assert.True(O.IsContext(x), $"{code.Code}: {x}"));
        }
    }

    [Theory]
    [InlineData("AGREE", QuadClass.VerbalCooperation, "03")]
    [InlineData("CONSULT", QuadClass.VerbalCooperation, "04")]
    [InlineData("AID", QuadClass.MaterialCooperation, "07")]
    [InlineData("REQUEST", QuadClass.VerbalConflict, "02")]
    [InlineData("ACCUSE", QuadClass.VerbalConflict, "11")]
    [InlineData("SANCTION", QuadClass.MaterialConflict, "16")]
    [InlineData("ASSAULT", QuadClass.MaterialConflict, "19")]
    public void A_PLOVER_type_gives_its_quad_class_and_the_roots_it_is_coded_from(string type, QuadClass quad, string root)
    {
        var t = O.Type(type)!;
        Assert.Equal(quad, t.QuadClass);
        Assert.Contains(root, t.CameoRoots);
        Assert.Same(t, O.Coding(t.GenericCameo)!.Type);
    }

    [Fact]
    public void ASSAULT_is_coded_from_the_violence_roots_and_has_the_manual_modes()
    {
        var t = O.Type("ASSAULT")!;
        Assert.Superset(new HashSet<string> { "18", "19", "20" }, t.CameoRoots.ToHashSet());
        Assert.Contains(t.Modes, m => m.Name == "aerial" && m.Score == -9.5);
        Assert.Equal("conditional", t.RequiresRecipient);
        Assert.Equal("180", t.GenericCameo);
        Assert.Equal("087", O.Type("RETREAT")!.GenericCameo);
        Assert.Equal("040", O.Type("CONSULT")!.GenericCameo);
    }

    [Fact]
    public void Appeals_keep_their_CAMEO_quad_class_but_events_take_the_PLOVER_one()
    {
        var appeal = O.Cameo("022")!;
        Assert.Equal(QuadClass.VerbalCooperation, appeal.CameoQuadClass);
        Assert.Equal(QuadClass.VerbalConflict, O.Coding("022")!.QuadClass);
        Assert.True(O.Cameo("1312")!.IsUnder(O.Cameo("13")!));
        Assert.False(O.Cameo("1312")!.IsUnder(O.Cameo("14")!));
    }

    [Fact]
    public void An_entry_coding_takes_the_mapping_mode_only_for_the_same_type()
    {
        var consult = O.Type("CONSULT")!;
        Assert.Equal("visit", O.Coding(consult, O.Cameo("042")!).Mode?.Name);
        var explicitMode = O.Coding(consult, O.Cameo("042")!, consult.Mode("phone"));
        Assert.Equal("phone", explicitMode.Mode?.Name);
        Assert.Null(O.Coding(O.Type("AGREE")!, O.Cameo("042")!).Mode);
    }

    [Fact]
    public void Unknown_names_and_codes_are_null_or_E103()
    {
        Assert.Null(O.Type("ATTACK"));
        Assert.Null(O.Cameo("999"));
        Assert.Null(O.Coding("011")); // statements have no PLOVER type
        var e = Assert.Throws<HadathException>(() => O.RequireCameo("1999", "triggers.tsv:7"));
        Assert.Equal(ErrorCode.LexiconUnknownCode, e.Code);
        Assert.Contains("triggers.tsv:7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_table_line_is_reported_with_file_and_line()
    {
        var e = Assert.Throws<HadathException>(() => Knowledge.Ontology.Load(Override(Knowledge.Ontology.CodesFile,
            "# code\troot\tname\tgoldstein\tdescription\tsource\n01\t01\tMAKE PUBLIC STATEMENT\t0\t\ticews\n010\t01\tMake statement\tzero\t\ticews\n")));
        Assert.Equal(ErrorCode.LexiconLine, e.Code);
        Assert.Contains("cameo_codes.tsv:3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_to_an_unknown_mode_is_E103_with_its_line()
    {
        var e = Assert.Throws<HadathException>(() => Knowledge.Ontology.Load(Override(Knowledge.Ontology.MappingFile,
            "# code\ttype\tmode\tcontexts\tsource\n040\tCONSULT\t\t\tx\n043\tCONSULT\thosting\t\tx\n")));
        Assert.Equal(ErrorCode.LexiconUnknownCode, e.Code);
        Assert.Contains("cameo_plover.tsv:3", e.Message, StringComparison.Ordinal);
        Assert.Contains("hosting", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The shipped files, with one replaced by <paramref name="contents"/>.</summary>
    private static Func<string, IEnumerable<(int, string)>> Override(string file, string contents) => path =>
        path == file
            ? contents.Split('\n').Select((l, i) => (i + 1, l)).ToList()
            : Core.Data.DataFiles.ReadLines(typeof(Knowledge.Ontology).Assembly, path).ToList();
}
