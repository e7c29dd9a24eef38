using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Pipeline;

/// <summary>
/// A snapshot named by a hashtable or a kept row (Import-Csv, ConvertFrom-Json, Select-Object) rather
/// than read from a cloud: its id, and where given its connection, location and provider. Such input
/// binds -InputObject as a placeholder CloudSnapshot; the cmdlet then treats it as an id, never as a
/// snapshot the cloud described.
/// </summary>
public sealed class SnapshotReference
{
    private static readonly ConditionalWeakTable<CloudSnapshot, SnapshotReference> Placeholders = new();

    private static readonly string[] IdNames = { "Id", "SnapshotId" };
    private static readonly string[] ConnectionNames = { "Connection" };
    private static readonly string[] LocationNames = { "Location", "Zone", "Region" };
    private static readonly string[] ProviderNames = { "Provider" };

    private SnapshotReference(string id, string? connection, string? location, CloudProvider? provider)
    {
        Id = id;
        Connection = connection;
        Location = location;
        Provider = provider;
    }

    public string Id { get; }
    public string? Connection { get; }
    public string? Location { get; }

    /// <summary>The provider the input says the snapshot belongs to, checked against its connection.</summary>
    public CloudProvider? Provider { get; }

    /// <summary>Hashtables (any IDictionary) and PSCustomObjects name snapshots; other objects do not.</summary>
    public static bool IsNamingInput(object? input) =>
        input is IDictionary || (input is PSObject { BaseObject: PSCustomObject });

    /// <summary>A plain id, on -Connection or the default connection.</summary>
    public static SnapshotReference ForId(string id) => new(id, null, null, null);

    /// <summary>Reads the Id, Connection, Location (Zone, Region) and Provider keys or properties; names are case-insensitive.</summary>
    public static SnapshotReference Read(object input)
    {
        var id = Text(input, IdNames);
        if (id is null)
            throw new ArgumentException($"{Kind(input)} names a snapshot by an Id (or SnapshotId) key, with Connection, Location and Provider when wanted; this one has no Id.");
        return new SnapshotReference(id, Text(input, ConnectionNames), Text(input, LocationNames), ProviderOf(input));
    }

    /// <summary>The placeholder CloudSnapshot that carries this reference through -InputObject.</summary>
    public CloudSnapshot ToPlaceholder()
    {
        var placeholder = new CloudSnapshot
        {
            Provider = Provider ?? default,
            Connection = Connection ?? "",
            Id = Id,
            Location = Location,
            State = SnapshotState.Unknown,
        };
        Placeholders.Add(placeholder, this);
        return placeholder;
    }

    /// <summary>The reference behind a placeholder, or null for a snapshot read from a cloud.</summary>
    public static SnapshotReference? Behind(CloudSnapshot? snapshot) =>
        snapshot is not null && Placeholders.TryGetValue(snapshot, out var reference) ? reference : null;

    /// <summary>The id, as a reference reads in messages.</summary>
    public override string ToString() => Id;

    private static CloudProvider? ProviderOf(object input)
    {
        var value = Value(input, ProviderNames);
        if (value is null || (value is string s && s.Trim().Length == 0)) return null;
        if (value is CloudProvider provider) return provider;
        var text = value.ToString()!.Trim();
        if (Enum.TryParse(text, ignoreCase: true, out CloudProvider parsed) && Enum.IsDefined(typeof(CloudProvider), parsed)) return parsed;
        throw new ArgumentException($"{Kind(input)} names the provider '{text}', which is not one of {string.Join(", ", Enum.GetNames(typeof(CloudProvider)))}.");
    }

    private static string? Text(object input, string[] names)
    {
        var text = Value(input, names)?.ToString()?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static object? Value(object input, string[] names)
    {
        foreach (var name in names)
        {
            var value = input switch
            {
                IDictionary table => table.Keys.Cast<object>().Where(k => string.Equals(k?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                    .Select(k => table[k]).FirstOrDefault(),
                PSObject row => row.Properties[name]?.Value,
                _ => null,
            };
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            if (value is not null) return value;
        }
        return null;
    }

    private static string Kind(object input) => input is IDictionary ? "A hashtable" : "An object";
}
