using System.ComponentModel.DataAnnotations;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Taxonomy;

/// <summary>A Huainan district as <see cref="Districts.Code"/> reads it; the document lists its codes, names and short names.</summary>
public sealed class DistrictAttribute : FieldLimitAttribute, IListedValues
{
    public IReadOnlyList<string> Values => [.. Districts.Spellings.Distinct()];

    protected override bool Accepts(object? value, ValidationContext context) => value is string text && Districts.Code(text) is not null;

    protected override string Message(ValidationContext context) =>
        Say.Text($"未知的区县；可选：{string.Join(", ", Values)}。", $"Unknown district; choose from {string.Join(", ", Values)}.");
}
