namespace Hadath.Knowledge.Kb;

/// <summary>What kind of knowledge-base entry a name belongs to.</summary>
public enum KbKind : byte
{
    /// <summary>A country or territory (countries.tsv).</summary>
    Country,
    /// <summary>A city or town (places.tsv).</summary>
    Place,
    /// <summary>A building or region, often standing for a government (landmarks.tsv).</summary>
    Landmark,
    /// <summary>An organisation (organisations.tsv) or a sports club (clubs.tsv).</summary>
    Organisation,
    /// <summary>A person (people.tsv).</summary>
    Person,
}

/// <summary>The entity type a knowledge-base entry is reported as.</summary>
public enum KbType : byte { Person, Org, Gpe, Loc, Fac, Norp }

/// <summary>A role of a person (or an organisation) valid between two dates: USA/GOV/president 2025-01-20.. .</summary>
/// <param name="Country">ISO alpha-3 or an organisation code (UN, NATO, EU…).</param>
/// <param name="Sector">CAMEO agent code (GOV, MIL…).</param>
/// <param name="Role">A role word that links titles to people (president, fm…), or null.</param>
/// <param name="From">First day of the role (inclusive), or null when open.</param>
/// <param name="To">Day the role ended (exclusive), or null when open.</param>
public sealed record KbRole(string Country, string Sector, string? Role, DateOnly? From, DateOnly? To)
{
    /// <summary>The CAMEO-style actor code: country followed by sector (RUSGOV).</summary>
    public string Code => Country + Sector;

    /// <summary>True when <paramref name="date"/> falls within the role.</summary>
    public bool Holds(DateOnly date) => (From is null || From.Value <= date) && (To is null || date < To.Value);
}

/// <summary>One entry of the knowledge base: a country, place, landmark, organisation or person.</summary>
public sealed class KbEntry
{
    /// <summary>Stable id, unique within the knowledge base ("putin", "country:RUS", "geo:524901").</summary>
    public required string Id { get; init; }
    public required KbKind Kind { get; init; }
    public required KbType Type { get; init; }
    /// <summary>Canonical (English) name.</summary>
    public required string Name { get; init; }
    /// <summary>The canonical Arabic name (the first listed).</summary>
    public required string ArabicName { get; init; }
    /// <summary>ISO alpha-3 or organisation code; null for regions without a country.</summary>
    public string? Country { get; init; }
    /// <summary>CAMEO agent code for organisations and landmarks; null for places and countries.</summary>
    public string? Sector { get; init; }
    /// <summary>CAMEO code of a country (differs from ISO for a few: ROU → ROM).</summary>
    public string? Cameo { get; init; }
    /// <summary>Dated roles of a person, in file order.</summary>
    public IReadOnlyList<KbRole> Roles { get; init; } = [];
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public long Population { get; init; }
    /// <summary>True for a country's capital.</summary>
    public bool IsCapital { get; init; }
    /// <summary>1: matched anywhere; 2: a minor place matched only after a locative cue.</summary>
    public int Tier { get; init; } = 1;
    /// <summary>A sports club (clubs.tsv): named so only in a sentence about sport.</summary>
    public bool IsClub { get; init; }
    /// <summary>Data file and line that defined the entry, for explanations and errors.</summary>
    public required string Source { get; init; }

    /// <summary>The role in force on <paramref name="date"/>; with no date, the latest role (the last that is open or ends latest).</summary>
    public KbRole? RoleOn(DateOnly? date)
    {
        if (Roles.Count == 0) return null;
        if (date is { } d)
        {
            for (var i = Roles.Count - 1; i >= 0; i--)
                if (Roles[i].Holds(d)) return Roles[i];
            // before the first role or between roles: the nearest earlier role, else the first one
            KbRole? best = null;
            foreach (var r in Roles)
                if (r.To is { } to && to <= d && (best?.To is null || best.To < to)) best = r;
            return best ?? Roles[0];
        }
        KbRole? latest = null;
        foreach (var r in Roles)
        {
            if (r.To is null) { if (latest is null || latest.To is not null || (r.From ?? DateOnly.MinValue) >= (latest.From ?? DateOnly.MinValue)) latest = r; }
            else if (latest is null || (latest.To is { } lt && r.To.Value > lt)) latest = r;
        }
        return latest;
    }
}

/// <summary>Agent-noun flags (agents.tsv).</summary>
[Flags]
public enum AgentFlags : byte
{
    None = 0,
    /// <summary>May precede a personal name (الرئيس فلاديمير بوتين).</summary>
    Title = 1,
    /// <summary>Names an institution: reported as an ORG entity when qualified (الجيش الروسي).</summary>
    Institution = 2,
    /// <summary>An actor even without a country (الشرطة, متظاهرون).</summary>
    Bare = 4,
    /// <summary>Only an actor with a country (مسؤولون أوكرانيون).</summary>
    Weak = 8,
    /// <summary>Heads an organisation's name: with a following name, place or country it makes an ORG (حزب العمال, جامعة القاهرة).</summary>
    Head = 16,
    /// <summary>Says that a name of its kind follows, without being part of it: فريق الغرافة, نادي الزمالك → الغرافة, الزمالك.</summary>
    Cue = 32,
    /// <summary>The country or person named after it owns the body and is a mention of its own: حكومة كوريا الجنوبية, إدارة بوش →
    /// كوريا الجنوبية, بوش; the body keeps the owner's country as an actor without being reported.</summary>
    Owner = 64,
    /// <summary>A body of the country it is said to be in when it names none (الجيش في مالي, المجلس العسكري الحاكم في مالي → MLI);
    /// not for forces, which are often abroad (القوات في العراق).</summary>
    Local = 128,
}

/// <summary>A title or role noun (agents.tsv).</summary>
/// <param name="Form">The form as written in the file.</param>
/// <param name="IsOrg">True for bodies (الحكومة), false for people (الرئيس) and places (نهر).</param>
/// <param name="Sector">CAMEO agent code, or null when the noun names no actor (محللون).</param>
/// <param name="Role">Role word linking the title to people's roles, or null.</param>
public sealed record Agent(string Form, bool IsOrg, string? Sector, string? Role, AgentFlags Flags, string Source)
{
    /// <summary>A geographic head noun (نهر, جبل, جزيرة): with a name it makes a LOC.</summary>
    public bool IsPlace { get; init; }

    /// <summary>A facility head noun (مطار, ملعب, قصر): with a name, or a place's name, it makes a FAC (مطار القاهرة).</summary>
    public bool IsFacility { get; init; }

    public bool Has(AgentFlags f) => (Flags & f) == f;
}

/// <summary>A nisba or demonym form and its country (demonyms.tsv): الروسية → RUS.</summary>
public sealed record Demonym(string Form, string Country, string Source);

/// <summary>What a name in the trie stands for: an entry, an agent noun, a demonym or a given name.</summary>
public enum NameKind : byte { Entry, Agent, Demonym, GivenName }

/// <summary>One payload of a trie node. <see cref="Index"/> indexes the knowledge base's list for <see cref="Kind"/>.</summary>
/// <param name="Weak">A weak variant (written ?X): needs a title or an earlier full mention.</param>
public readonly record struct NameRef(NameKind Kind, int Index, bool Weak);
