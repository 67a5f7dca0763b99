using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobMatch.Api.Conventions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JobMatch.Api.OpenApi;

/// <summary>
/// Writes into the document the limits the service enforces on what it receives, read from the limit attributes on the
/// request records and handler parameters (Conventions/FieldLimits), the paging convention for cursor and limit, and the
/// fixed lengths of uuid, date and date-time values. A member or parameter without one has no limit of its own beyond
/// the body size (413); tools/openapi-lint/.spectral.yaml lists those. DocumentedLimitsTests sends a value past every
/// limit here and expects 400.
/// </summary>
sealed class DocumentedLimits : ISchemaFilter, IOperationFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } || context.Type is not { IsClass: true } type)
        {
            return;
        }
        foreach (var (name, property) in properties)
        {
            if (property is not OpenApiSchema target)
            {
                continue;
            }
            FixedLengths(target);
            if (type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name) is { } member)
            {
                Describe(target, Attributes(member));
            }
        }
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }
            FixedLengths(schema);
            var description = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Name == parameter.Name);
            IReadOnlyList<Attribute> attributes = description?.PropertyInfo() is { } property ? Attributes(property)
                : description?.ParameterInfo()?.GetCustomAttributes().ToList() ?? [];
            attributes = attributes.Any(a => a is FieldLimitAttribute or ClampedAttribute) ? attributes : Paging.Limits(parameter.Name);
            Describe(schema, attributes);
            if (attributes.OfType<ClampedAttribute>().FirstOrDefault() is { } clamped)
            {
                parameter.Description = $"Default {clamped.Default}; values outside {clamped.Minimum}–{clamped.Maximum} are clamped.";
            }
        }
    }

    /// <summary>The attributes of a property and of the primary-constructor parameter of the same name, where records put them.</summary>
    static List<Attribute> Attributes(PropertyInfo property) =>
    [
        .. property.GetCustomAttributes(),
        .. property.DeclaringType!.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(p => p.Name == property.Name).SelectMany(p => p.GetCustomAttributes()),
    ];

    /// <summary>Lengths of the ISO forms System.Text.Json reads and writes: a uuid, a date, a date-time with offset.</summary>
    static void FixedLengths(OpenApiSchema schema)
    {
        var target = schema.Items as OpenApiSchema ?? schema;
        target.MaxLength ??= target.Format switch { "uuid" => 36, "date" => 10, "date-time" => 33, _ => null };
    }

    static void Describe(OpenApiSchema schema, IEnumerable<Attribute> attributes)
    {
        var isArray = schema.Type?.HasFlag(JsonSchemaType.Array) == true;
        var value = isArray ? schema.Items as OpenApiSchema ?? schema : schema;
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case ItemsAttribute items when isArray:
                    schema.MaxItems = items.MaxItems;
                    break;
                case TextAttribute text:
                    value.MaxLength = text.MaxLength;
                    break;
                case PatternAttribute pattern:
                    value.MaxLength = pattern.MaxLength > 0 ? pattern.MaxLength : value.MaxLength;
                    value.Pattern = pattern.Pattern;
                    break;
                case IListedValues listed:
                    value.Enum = [.. listed.Values.Select(v => (JsonNode)JsonValue.Create(v))];
                    break;
                case BetweenAttribute between:
                    value.Minimum = between.Minimum.ToString(CultureInfo.InvariantCulture);
                    value.Maximum = between.Maximum?.ToString(CultureInfo.InvariantCulture);
                    break;
                case ClampedAttribute clamped:
                    value.Minimum = clamped.Minimum.ToString(CultureInfo.InvariantCulture);
                    value.Maximum = clamped.Maximum.ToString(CultureInfo.InvariantCulture);
                    value.Default = JsonValue.Create(clamped.Default);
                    break;
            }
        }
    }
}
