using System.ComponentModel.DataAnnotations;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Taxonomy;

/// <summary>A Huainan district as <see cref="ReferenceData.DistrictCode"/> reads it; the document lists its codes and names.</summary>
public sealed class DistrictAttribute : FieldLimitAttribute, IListedValues
{
    public IReadOnlyList<string> Values =>
        [.. ReferenceData.Default.Districts.Districts.SelectMany(d => new[] { d.Code, d.Name }).Distinct()];

    protected override bool Accepts(object? value, ValidationContext context) =>
        value is string text
            && (context.GetService(typeof(ReferenceData)) as ReferenceData ?? ReferenceData.Default).DistrictCode(text) is not null;

    protected override string Message(ValidationContext context) =>
        Say.Text($"未知的区县；可选：{string.Join(", ", Values)}。", $"Unknown district; choose from {string.Join(", ", Values)}.");
}
