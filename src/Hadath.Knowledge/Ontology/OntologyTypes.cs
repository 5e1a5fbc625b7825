namespace Hadath.Knowledge;

/// <summary>The four quad classes shared by CAMEO and PLOVER.</summary>
public enum QuadClass : byte
{
    /// <summary>No class (CAMEO 01, public statements).</summary>
    None = 0,
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

/// <summary>A PLOVER mode of an event type (e.g. CONSULT/visit), with its PLOVER score where the manual gives one.</summary>
public sealed record PloverMode(string Type, string Name, double? Score, string Definition);

/// <summary>One of the 16 PLOVER event types.</summary>
public sealed class PloverType
{
    internal PloverType(string name, QuadClass quad, string requiresRecipient, double score, IReadOnlyList<PloverMode> modes)
    {
        Name = name;
        QuadClass = quad;
        RequiresRecipient = requiresRecipient;
        Score = score;
        Modes = modes;
    }

    /// <summary>AGREE, CONSULT, …, ASSAULT (interned: compare with == or ReferenceEquals after <see cref="Ontology.Type"/>).</summary>
    public string Name { get; }

    public QuadClass QuadClass { get; }

    /// <summary>"yes", "no" or "conditional" (ASSAULT: only for one-sided violence), as in the PLOVER manual.</summary>
    public string RequiresRecipient { get; }

    /// <summary>The PLOVER event scale value of the type without a mode.</summary>
    public double Score { get; }

    public IReadOnlyList<PloverMode> Modes { get; }

    /// <summary>The CAMEO root codes ("04", "18", …) with at least one code mapped to this type, most codes first.</summary>
    public IReadOnlyList<string> CameoRoots { get; internal set; } = [];

    /// <summary>The CAMEO code for an unspecified event of this type (the x0 code of its first root, e.g. "040").</summary>
    public string GenericCameo { get; internal set; } = "";

    public PloverMode? Mode(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        foreach (var m in Modes)
            if (string.Equals(m.Name, name, StringComparison.Ordinal)) return m;
        return null;
    }

    public override string ToString() => Name;
}

/// <summary>How a CAMEO code is coded in PLOVER (CAMEO2PLOVER-2021 with the repairs and project conventions listed in
/// data/ontology/README.md).</summary>
public sealed record PloverCoding(PloverType Type, PloverMode? Mode, IReadOnlyList<string> Contexts, string Source);

/// <summary>A CAMEO event code with its ICEWS name and Goldstein value.</summary>
public sealed class CameoCode
{
    internal CameoCode(string code, string root, string name, double goldstein, string description)
    {
        Code = code;
        Root = root;
        Name = name;
        Goldstein = goldstein;
        Description = description;
    }

    /// <summary>"043", "1312", or a two-digit root "04".</summary>
    public string Code { get; }
    public string Root { get; }
    public string Name { get; }
    /// <summary>Goldstein conflict-cooperation value (−10 … +10), ICEWS table.</summary>
    public double Goldstein { get; }
    public string Description { get; }

    /// <summary>The PLOVER coding of this code, or null for CAMEO 01 (statements), which PLOVER does not code.</summary>
    public PloverCoding? Plover { get; internal set; }

    /// <summary>The CAMEO quad class of the root (01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal
    /// conflict, 14–20 material conflict; 01 is none). An event's quad class is its PLOVER type's
    /// (<see cref="EventCoding.QuadClass"/>), which differs for appeals (02: CAMEO 1, PLOVER REQUEST 3).</summary>
    public QuadClass CameoQuadClass => Root switch
    {
        "01" => QuadClass.None,
        "02" or "03" or "04" or "05" => QuadClass.VerbalCooperation,
        "06" or "07" or "08" => QuadClass.MaterialCooperation,
        "09" or "10" or "11" or "12" or "13" => QuadClass.VerbalConflict,
        _ => QuadClass.MaterialConflict,
    };

    /// <summary>True when <paramref name="other"/> is this code or one of its ancestors (04 ⊒ 043; 13 ⊒ 131 ⊒ 1312).</summary>
    public bool IsUnder(CameoCode other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Code.StartsWith(other.Code, StringComparison.Ordinal);
    }

    public override string ToString() => $"{Code} {Name}";
}

/// <summary>Everything an emitted event carries from the ontology: type, mode, contexts, CAMEO code and root, quad
/// class and Goldstein value.</summary>
public sealed record EventCoding(
    PloverType Type,
    PloverMode? Mode,
    IReadOnlyList<string> Contexts,
    CameoCode Cameo)
{
    public string CameoRoot => Cameo.Root;
    public QuadClass QuadClass => Type.QuadClass;
    public double Goldstein => Cameo.Goldstein;
}
