using System;
using System.Text.RegularExpressions;

namespace SnapshotPS.Core.Model;

/// <summary>Builds the errors for bad input, caught before any request is sent.</summary>
public static class InputValidation
{
    public const int MaxClientTokenLength = 64;

    private static readonly Regex ClientTokenFormat = new(@"\A[A-Za-z0-9._:-]{1,64}\z");

    public static ArgumentException Invalid(string parameter, string rule) =>
        new($"Invalid value for -{parameter}: {rule}", parameter);

    public static void RequireNotEmpty(string? value, string parameter)
    {
        if (value is not null && value.Trim().Length == 0)
            throw Invalid(parameter, "the value cannot be empty or only white space.");
    }

    /// <summary>A time limit or interval, when given, is more than zero.</summary>
    public static void RequirePositive(TimeSpan? value, string parameter)
    {
        if (value is { } given && given <= TimeSpan.Zero)
            throw Invalid(parameter, $"the value must be more than zero seconds; {given.TotalSeconds:0.###} is not.");
    }

    /// <summary>A client token: 1 to 64 letters, digits, '.', '_', ':' or '-', so that every provider can carry it.</summary>
    public static void RequireClientToken(string? token, string parameter = "ClientToken")
    {
        if (token is not null && !ClientTokenFormat.IsMatch(token))
            throw Invalid(parameter, $"a client token has 1 to {MaxClientTokenLength} characters among letters, digits, '.', '_', ':' and '-'.");
    }
}
