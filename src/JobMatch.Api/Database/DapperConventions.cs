using System.Data;
using Dapper;

namespace JobMatch.Api.Database;

/// <summary>
/// How Dapper reads this database, set once for every door into it (the web host and each command): snake_case columns
/// to PascalCase members, and PostgreSQL arrays (text[], uuid[]) in positional records: Npgsql reports their column type as System.Array, which
/// Dapper will not match to a string[] or Guid[] constructor parameter unless a type handler vouches for the type.
/// Parameters pass through unchanged, so Npgsql still sends them as native arrays.
/// </summary>
static class DapperConventions
{
    public static void Register()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new Handler<string>());
        SqlMapper.AddTypeHandler(new Handler<Guid>());
    }

    sealed class Handler<T> : SqlMapper.TypeHandler<T[]>
    {
        public override T[] Parse(object value) => (T[])value;

        public override void SetValue(IDbDataParameter parameter, T[]? value) => parameter.Value = value;
    }
}
