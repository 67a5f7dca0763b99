using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Policy;

/// <summary>A hard requirement checked outside the model, so a filtered-out opening can be explained by name.</summary>
public interface IEligibilityRule
{
    string Name { get; }

    RuleOutcome Check(VeteranProfile veteran, Opening opening);
}
