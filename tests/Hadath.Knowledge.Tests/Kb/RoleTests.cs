using Hadath.Knowledge.Kb;

namespace Hadath.Knowledge.Tests.Kb;

public class DatedRoleTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.Load(KbTestData.Minimal());

    [Theory]
    [InlineData("2019-06-01", "USAGOV")]
    [InlineData("2021-01-19", "USAGOV")]
    [InlineData("2021-01-20", "USAELI")]
    [InlineData("2023-05-01", "USAELI")]
    [InlineData("2025-08-06", "USAGOV")]
    [InlineData("2010-01-01", "USAGOV")]
    public void A_role_is_resolved_on_the_documents_date(string date, string code)
    {
        var role = Kb.Find("trump")!.RoleOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(code, role!.Code);
    }

    [Fact]
    public void Without_a_date_the_latest_role_is_taken()
    {
        var role = Kb.Find("trump")!.RoleOn(null);
        Assert.Equal("USAGOV", role!.Code);
        Assert.Equal("president", role.Role);
        Assert.Equal(new DateOnly(2025, 1, 20), role.From);
    }

    [Fact]
    public void The_shipped_people_have_their_roles_of_the_day()
    {
        var kb = KnowledgeBase.Default;
        var day = new DateOnly(2025, 8, 6);
        Assert.Equal("RUSGOV", kb.Find("medvedev")!.RoleOn(day)!.Code);
        Assert.Equal("president", kb.Find("medvedev")!.RoleOn(new DateOnly(2010, 1, 1))!.Role);
        Assert.Equal("pm", kb.Find("putin")!.RoleOn(new DateOnly(2010, 1, 1))!.Role);
        Assert.Equal("USAGOV", kb.Find("witkoff")!.RoleOn(day)!.Code);
        Assert.Equal("USAELI", kb.Find("biden")!.RoleOn(day)!.Code);
        Assert.Equal("UNIGO", kb.Find("guterres")!.RoleOn(day)!.Code);
    }
}

public class DemonymTests
{
    [Theory]
    [InlineData("روسي")]
    [InlineData("الروسية")]
    [InlineData("الروسيين")]
    [InlineData("روسيون")]
    [InlineData("الروسيات")]
    [InlineData("الروس")]
    [InlineData("الأميركي")]
    [InlineData("أمريكيتين")]
    public void Inflections_are_generated_from_the_base_nisba(string form)
    {
        var kb = KnowledgeBase.Load(KbTestData.Minimal());
        var node = kb.Trie.Next(NameTrie.Root, kb.Trie.TokenId(NameKey.Tokens(form)[0]));
        Assert.True(node >= 0, form);
        var d = Assert.Single(kb.Trie.At(node).ToArray(), r => r.Kind == NameKind.Demonym);
        Assert.Contains(kb.Demonyms[d.Index].Country, new[] { "RUS", "USA" });
    }

    [Fact]
    public void The_indefinite_accusative_is_a_demonym_unless_it_spells_a_name()
    {
        var kb = KnowledgeBase.Default;
        var iraqis = kb.Trie.Next(NameTrie.Root, kb.Trie.TokenId(NameKey.Tokens("عراقياً")[0]));
        var d = Assert.Single(kb.Trie.At(iraqis).ToArray(), r => r.Kind == NameKind.Demonym);
        Assert.Equal("IRQ", kb.Demonyms[d.Index].Country);
        var russia = kb.Trie.Next(NameTrie.Root, kb.Trie.TokenId(NameKey.Tokens("روسيا")[0]));
        Assert.DoesNotContain(kb.Trie.At(russia).ToArray(), r => r.Kind == NameKind.Demonym);
    }

    [Fact]
    public void Multi_word_nisbas_inflect_every_word()
    {
        var kb = KnowledgeBase.Default;
        var keys = NameKey.Tokens("الكورية الشمالية");
        var node = kb.Trie.Next(kb.Trie.Next(NameTrie.Root, kb.Trie.TokenId(keys[0])), kb.Trie.TokenId(keys[1]));
        var d = Assert.Single(kb.Trie.At(node).ToArray(), r => r.Kind == NameKind.Demonym);
        Assert.Equal("PRK", kb.Demonyms[d.Index].Country);
    }
}
