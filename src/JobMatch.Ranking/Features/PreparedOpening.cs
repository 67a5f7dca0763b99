using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Features;

/// <summary>The per-opening part of the features (required skill indices, rarity, text vectors), computed once.</summary>
public sealed class PreparedOpening
{
    internal PreparedOpening(Opening opening, int[] skillIndices, float[] skillRarity, TextVector text, TextVector title, string[] certificates)
    {
        Opening = opening;
        SkillIndices = skillIndices;
        SkillRarity = skillRarity;
        RarityTotal = skillRarity.Sum();
        Text = text;
        Title = title;
        Certificates = certificates;
    }

    public Opening Opening { get; }

    internal int[] SkillIndices { get; }

    internal float[] SkillRarity { get; }

    internal float RarityTotal { get; }

    internal TextVector Text { get; }

    internal TextVector Title { get; }

    internal string[] Certificates { get; }
}
