using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Persistence;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(options.Provider, DatabaseOptions.PostgreSql, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Database:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.PostgreSql}' (was '{options.Provider}').");
}
