namespace JobMatch.Ranking.Features;

/// <summary>How a veteran came to have a skill, strongest first; the credit is what a match on it is worth.</summary>
public enum SkillSource : byte
{
    None = 0,
    Declared = 1,
    CrosswalkMost = 2,
    ProfileText = 3,
    CrosswalkSome = 4,
}

internal static class SkillCredit
{
    public static float Of(SkillSource source) => source switch
    {
        SkillSource.Declared => 1.0f,
        SkillSource.CrosswalkMost => 0.8f,
        SkillSource.ProfileText => 0.6f,
        SkillSource.CrosswalkSome => 0.4f,
        _ => 0f,
    };
}
