using Hadath.Core.Diagnostics;
using Hadath.Knowledge.Kb;

namespace Hadath.Knowledge.Tests.Kb;

public class KnowledgeBaseLoadTests
{
    private static KnowledgeBase Load(Dictionary<string, string> files) => KnowledgeBase.Load(files);

    private static HadathException Fails(string file, string contents)
    {
        var files = KbTestData.Minimal();
        files[file] = contents;
        return Assert.Throws<HadathException>(() => KnowledgeBase.Load(files));
    }

    [Fact]
    public void The_minimal_files_load_into_entries_with_ids()
    {
        var kb = Load(KbTestData.Minimal());
        Assert.Equal(KbKind.Country, kb.Find("country:RUS")!.Kind);
        Assert.Equal("ROM", kb.Find("country:ROU")!.Cameo);
        Assert.True(kb.Find("geo:524901")!.IsCapital);
        Assert.Equal(2, kb.Find("geo:111")!.Tier);
        Assert.Equal(KbType.Fac, kb.Find("kremlin")!.Type);
        Assert.Null(kb.Find("mideast")!.Country);
        Assert.Equal("NATO", kb.Find("nato")!.Country);
        Assert.Equal(3, kb.Find("trump")!.Roles.Count);
        Assert.Equal(3, kb.Agents.Count(a => a.Form is "محلل" or "محللون" or "الرئيس"));
        Assert.Equal(4, kb.GivenNames.Count);
        var club = kb.Find("ahly")!;
        Assert.True(club.IsClub);
        Assert.Equal((KbKind.Organisation, KbType.Org, "BUS"), (club.Kind, club.Type, club.Sector));
        Assert.False(kb.Find("nato")!.IsClub);
    }

    [Theory]
    [InlineData("kb/countries.tsv", "RUS\tRU\tRUS\tRussia\tMoscow\t60\t100\n", 1, "columns")]
    [InlineData("kb/countries.tsv", "# c\nRussia\tRU\tRUS\tRussia\tMoscow\t60\t100\tروسيا\n", 2, "iso3")]
    [InlineData("kb/places.tsv", "# h\n\n1\tX\tRUS\tPPL\tmany\t1\t2\t1\tاكس\n", 3, "population")]
    [InlineData("kb/places.tsv", "1\tX\tRUS\tPPL\t10\t1\t2\t4\tاكس\n", 1, "tier")]
    [InlineData("kb/places.tsv", "1\tX\tRUS\tPPL\t10\t91\t2\t1\tاكس\n", 1, "lat")]
    [InlineData("kb/landmarks.tsv", "k\tKremlin\tBUILDING\tRUS\tGOV\t1\t2\tالكرملين\n", 1, "type")]
    [InlineData("kb/organisations.tsv", "nato\tNATO\tORG\tNATO\tigo\tالناتو\n", 1, "sector")]
    [InlineData("kb/organisations.tsv", "nato\tNATO\tORG\tNATO\tIGO\tالناتو\nnato\tNATO2\tORG\tNATO\tIGO\tالحلف\n", 2, "duplicate id")]
    [InlineData("kb/clubs.tsv", "club:x\tX\tUSA\n", 1, "columns")]
    [InlineData("kb/clubs.tsv", "club x\tX\tUSA\tاكس\n", 1, "id")]
    [InlineData("kb/people.tsv", "# p\n# q\np1\tX\tUSA\tاكس\tUSA/GOV 2025-13-01..\n", 3, "date")]
    [InlineData("kb/people.tsv", "p1\tX\tUSA\tاكس\tUSA/GOV 2025-01-01..2024-01-01\n", 1, "ends before it starts")]
    [InlineData("kb/people.tsv", "p1\tX\tUSA\tاكس\tUSAGOV\n", 1, "COUNTRY/SECTOR")]
    [InlineData("kb/people.tsv", "p1\tX\tUSA\t\tUSA/GOV\n", 1, "no Arabic name")]
    [InlineData("kb/people.tsv", "p 1\tX\tUSA\tاكس\tUSA/GOV\n", 1, "id")]
    [InlineData("kb/demonyms.tsv", "RUS\t\t\n", 1, "no nisba")]
    [InlineData("kb/agents.tsv", "الرئيس\tPERSON\tGOV\t-\ttitle\n", 1, "kind")]
    [InlineData("kb/agents.tsv", "مطار\tBUILDING\t-\t-\thead\n", 1, "PER, ORG, LOC or FAC")]
    [InlineData("kb/agents.tsv", "الرئيس\tPER\tGOV\t-\tloud\n", 1, "unknown flag")]
    [InlineData("kb/given-names.tsv", "ar\tمحمد\nsome\tأحمد\n", 2, "class")]
    [InlineData("kb/given-names.tsv", "ar\tعبد الله\n", 1, "one word")]
    public void A_malformed_line_is_reported_with_its_file_and_line(string file, string contents, int line, string what)
    {
        var e = Fails(file, contents);
        Assert.Equal(ErrorCode.LexiconLine, e.Code);
        Assert.StartsWith($"E101: {file}:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_country_code_is_E103_with_its_line()
    {
        var e = Fails("kb/people.tsv", "# p\np1\tX\tXYZ\tاكس\tUSA/GOV\n");
        Assert.Equal(ErrorCode.LexiconUnknownCode, e.Code);
        Assert.StartsWith("E103: kb/people.tsv:2: ", e.Message, StringComparison.Ordinal);
        var role = Fails("kb/people.tsv", "p1\tX\tUSA\tاكس\tQQQ/GOV\n");
        Assert.StartsWith("E103: kb/people.tsv:1: ", role.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_every_problem_not_only_the_first()
    {
        var files = KbTestData.Minimal();
        files["kb/people.tsv"] = "p1\tX\tUSA\tاكس\tUSA/GOV 2025-13-01..\np2\tY\tUSA\tواي\tUSA/GOV\np3\tZ\tZZZ\tزد\tUSA/GOV\n";
        var problems = KnowledgeBase.Check(files);
        Assert.Equal([1, 3], problems.Select(p => p.Line));
        Assert.All(problems, p => Assert.Equal("kb/people.tsv", p.File));
    }

    [Fact]
    public void Weak_variants_are_marked_in_the_trie()
    {
        var kb = Load(KbTestData.Minimal());
        var node = kb.Trie.Next(NameTrie.Root, kb.Trie.TokenId("فتح"));
        var refs = kb.Trie.At(node).ToArray();
        var r = Assert.Single(refs);
        Assert.True(r.Weak);
        Assert.Equal("fatah", kb.Entries[r.Index].Id);
    }

    [Fact]
    public void A_body_flagged_owner_reads_its_owner_from_the_name_that_follows()
    {
        var files = KbTestData.Minimal();
        files["kb/agents.tsv"] += "حكومة\tORG\tGOV\t-\tinst,bare,owner\n";
        var kb = KnowledgeBase.Load(files);
        Assert.True(kb.Agents.Single(a => a.Form == "حكومة").Has(AgentFlags.Owner));
        Assert.True(KnowledgeBase.Default.Agents.Single(a => a.Form == "حكومة").Has(AgentFlags.Owner));
    }

    [Fact]
    public void The_shipped_knowledge_base_is_valid()
    {
        Assert.Empty(KnowledgeBase.Check());
        var kb = KnowledgeBase.Default;
        Assert.True(kb.Entries.Count(e => e.Kind == KbKind.Country) >= 240);
        Assert.True(kb.Entries.Count(e => e.Kind == KbKind.Place) >= 3000);
        Assert.True(kb.Entries.Count(e => e.Kind == KbKind.Person) >= 200);
        Assert.True(kb.Entries.Count(e => e.Kind == KbKind.Organisation) >= 100);
    }

    private static List<KbEntry> Named(KnowledgeBase kb, string name)
    {
        var node = NameTrie.Root;
        foreach (var token in NameKey.Tokens(name))
        {
            node = kb.Trie.Next(node, kb.Trie.TokenId(token));
            if (node < 0) return [];
        }
        return kb.Trie.At(node).ToArray().Where(r => r.Kind == NameKind.Entry).Select(r => kb.Entries[r.Index]).ToList();
    }

    [Theory]
    [InlineData("برشلونة", "Barcelona")]
    [InlineData("إشبيلية", "Sevilla")]
    [InlineData("المنصورة", "Al Manşūrah")]
    [InlineData("الشارقة", "Sharjah")]
    public void A_large_city_keeps_its_name_when_the_spelling_dictionary_also_lists_it(string arabic, string english) =>
        Assert.Contains(Named(KnowledgeBase.Default, arabic), e => e.Kind == KbKind.Place && e.Name == english);

    [Fact]
    public void A_large_city_name_read_mostly_as_a_club_or_a_given_name_is_not_a_place() =>
        Assert.DoesNotContain(Named(KnowledgeBase.Default, "ميلان"), e => e.Kind == KbKind.Place);

    [Fact]
    public void Loading_the_whole_knowledge_base_takes_under_a_second_and_300_MB()
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var kb = KnowledgeBase.Load();
        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kb);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"load took {watch.ElapsedMilliseconds} ms");
        Assert.True(after - before < 300L * 1024 * 1024, $"the knowledge base holds {(after - before) / 1024 / 1024} MB");
    }
}

public class TrieTests
{
    [Fact]
    public void A_name_is_found_token_by_token_and_says_which_entry_matched()
    {
        var b = new NameTrie.Builder();
        b.Add(["حلف", "الناتو"], new NameRef(NameKind.Entry, 7, false));
        b.Add(["الناتو"], new NameRef(NameKind.Entry, 7, false));
        b.Add(["حلف"], new NameRef(NameKind.Agent, 2, false));
        var t = b.Build();
        var first = t.Next(NameTrie.Root, t.TokenId("حلف"));
        Assert.Equal(NameKind.Agent, Assert.Single(t.At(first).ToArray()).Kind);
        var second = t.Next(first, t.TokenId("الناتو"));
        Assert.Equal(7, Assert.Single(t.At(second).ToArray()).Index);
        Assert.Equal(-1, t.TokenId("روسيا"));
        Assert.Equal(-1, t.Next(second, t.TokenId("حلف")));
    }

    [Fact]
    public void Name_keys_fold_spelling_variants()
    {
        Assert.Equal(NameKey.Tokens("غزة"), NameKey.Tokens("غزه"));
        Assert.Equal(NameKey.Tokens("إسرائيل"), NameKey.Tokens("اسرائيل"));
        Assert.Equal(NameKey.Tokens("الأمريكي"), NameKey.Tokens("الامريكى"));
        Assert.Equal(["كوريا", "الشماليه"], NameKey.Tokens("كوريا الشمالية"));
    }
}
