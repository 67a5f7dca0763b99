using System.Text.Json.Nodes;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JobMatch.Api.OpenApi;

/// <summary>
/// The request body of every import, from its <see cref="UploadForm"/> metadata: multipart/form-data with the file
/// (binary, field <see cref="Uploads.FileField"/>, the file limit) and the other form fields, so Swagger UI's Try it
/// out uploads. The handlers read the form themselves, so the API explorer alone would document no body.
/// </summary>
sealed class UploadForms : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<UploadForm>().FirstOrDefault() is not { } form)
        {
            return;
        }
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            [Uploads.FileField] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "binary",
                MaxLength = form.MaxFileBytes > int.MaxValue ? int.MaxValue : (int)form.MaxFileBytes,
                Description = Say.Text($"CSV（UTF-8 或 GBK）或 XLSX 文件，至多 {form.MaxFileBytes} 字节（超出：413）",
                    $"A CSV (UTF-8 or GBK) or XLSX file of at most {form.MaxFileBytes} bytes (over it: 413)"),
            },
        };
        foreach (var field in form.Fields)
        {
            properties[field.Name] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = Say.Text(field.Chinese, field.English),
                Enum = field.Values is { } values ? [.. values.Select(v => (JsonNode)JsonValue.Create(v))] : null,
            };
        }
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = Say.Text($"multipart/form-data：文件在字段 {Uploads.FileField}；整个请求体至多 {form.MaxRequestBodySize} 字节",
                $"multipart/form-data: the file in field {Uploads.FileField}; the whole body at most {form.MaxRequestBodySize} bytes"),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { Uploads.FileField }, Properties = properties },
                    Encoding = new Dictionary<string, OpenApiEncoding>
                    {
                        [Uploads.FileField] = new() { ContentType = "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
                    },
                },
            },
        };
    }
}
