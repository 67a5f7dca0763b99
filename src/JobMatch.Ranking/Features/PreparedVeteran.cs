using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Features;

/// <summary>The per-veteran part of the features, computed once so that each pair costs little.</summary>
public sealed class PreparedVeteran
{
    internal PreparedVeteran(VeteranProfile profile, SkillSource[] skillSources, TextVector text, TextVector specialties, string[] certificates)
    {
        Profile = profile;
        SkillSources = skillSources;
        Text = text;
        Specialties = specialties;
        Certificates = certificates;
    }

    public VeteranProfile Profile { get; }

    /// <summary>Indexed by the taxonomy's skill index; the strongest route by which the veteran has the skill.</summary>
    internal SkillSource[] SkillSources { get; }

    internal TextVector Text { get; }

    internal TextVector Specialties { get; }

    internal string[] Certificates { get; }
}
