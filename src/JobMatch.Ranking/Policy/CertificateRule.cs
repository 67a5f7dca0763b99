using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Policy;

/// <summary>
/// Certificates the law requires to do the work (特种作业, 特种设备: 持证上岗). A listing that requires one is closed to a
/// veteran whose recorded certificates lack it; a veteran whose certificates were never recorded passes, to be checked,
/// as an unknown age does. Which kinds gate is configurable (<see cref="EligibilityOptions.GatedCertificates"/>).
/// </summary>
public sealed class CertificateRule(IReadOnlyCollection<string> gated) : IEligibilityRule
{
    public string Name => "required_certificate";

    public RuleOutcome Check(VeteranProfile veteran, Opening opening)
    {
        var required = opening.RequiredCertificates.Select(CertificateNames.GatedOf).OfType<GatedCertificate>()
            .Where(c => gated.Contains(c.Name)).DistinctBy(c => c.Name).ToArray();
        if (required.Length == 0)
        {
            return new RuleOutcome(Name, true, "无持证上岗要求", "no certificate required by law");
        }

        var names = string.Join('、', required.Select(c => c.Name));
        if (!veteran.CertificatesRecorded)
        {
            return new RuleOutcome(Name, true, $"证书未登记，待核实：{names}", $"certificates not recorded; to be checked: {string.Join(", ", required.Select(c => c.English))}");
        }

        var held = veteran.Certificates.Select(CertificateNames.GatedOf).OfType<GatedCertificate>().Select(c => c.Name).ToHashSet();
        var missing = required.Where(c => !held.Contains(c.Name)).ToArray();
        return missing.Length == 0
            ? new RuleOutcome(Name, true, $"持有：{names}", $"holds: {string.Join(", ", required.Select(c => c.English))}")
            : new RuleOutcome(Name, false, $"缺少：{string.Join('、', missing.Select(c => c.Name))}", $"missing: {string.Join(", ", missing.Select(c => c.English))}");
    }
}
