using System;

namespace SnapshotPS.Core.Model;

/// <summary>Builds the errors for bad input, caught before any request is sent.</summary>
public static class InputValidation
{
    public static ArgumentException Invalid(string parameter, string rule) =>
        new($"Invalid value for -{parameter}: {rule}", parameter);

    public static void RequireNotEmpty(string? value, string parameter)
    {
        if (value is not null && value.Trim().Length == 0)
            throw Invalid(parameter, "the value cannot be empty or only white space.");
    }
}
