using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using SnapshotPS.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>
/// Reads OpenStack settings where the openstack CLI (openstacksdk) finds them: clouds.yaml and
/// secure.yaml (OS_CLIENT_CONFIG_FILE / OS_CLIENT_SECURE_FILE first, then the current folder, the
/// user's config folder, ~/.config/openstack, the site folders and /etc/openstack; the first file
/// found is read) for the cloud named by -Cloud or OS_CLOUD, overlaid by the OS_* environment.
/// </summary>
public sealed class OpenStackConfigLoader
{
    private static readonly string[] Suffixes = { ".yaml", ".yml", ".json" };

    private static readonly (string Variable, string Key)[] EnvironmentKeys =
    {
        ("OS_AUTH_URL", "AuthUrl"), ("OS_USERNAME", "Username"), ("OS_USER_ID", "UserId"), ("OS_PASSWORD", "Password"),
        ("OS_USER_DOMAIN_NAME", "UserDomainName"), ("OS_USER_DOMAIN_ID", "UserDomainId"),
        ("OS_TENANT_NAME", "ProjectName"), ("OS_PROJECT_NAME", "ProjectName"), ("OS_TENANT_ID", "ProjectId"), ("OS_PROJECT_ID", "ProjectId"),
        ("OS_PROJECT_DOMAIN_NAME", "ProjectDomainName"), ("OS_PROJECT_DOMAIN_ID", "ProjectDomainId"),
        ("OS_DOMAIN_NAME", "DomainName"), ("OS_DOMAIN_ID", "DomainId"),
        ("OS_APPLICATION_CREDENTIAL_ID", "ApplicationCredentialId"), ("OS_APPLICATION_CREDENTIAL_NAME", "ApplicationCredentialName"),
        ("OS_APPLICATION_CREDENTIAL_SECRET", "ApplicationCredentialSecret"),
        ("OS_REGION_NAME", "Region"), ("OS_ENDPOINT_TYPE", "Interface"), ("OS_INTERFACE", "Interface"),
        ("OS_CACERT", "CaCertificate"), ("OS_INSECURE", "Insecure"), ("OS_AUTH_TYPE", "AuthType"),
    };

    private readonly Func<string, string?> _environment;
    private readonly Func<string, string?> _readFile;
    private readonly string _currentDirectory;
    private readonly string _home;
    private readonly OSPlatform _platform;

    /// <param name="readFile">The file's text, or null when there is no such file.</param>
    public OpenStackConfigLoader(Func<string, string?> environment, Func<string, string?> readFile, string currentDirectory, string homeDirectory, OSPlatform platform)
    {
        _environment = environment;
        _readFile = readFile;
        _currentDirectory = currentDirectory;
        _home = homeDirectory;
        _platform = platform;
    }

    public static OpenStackConfigLoader ForCurrentProcess(string? currentDirectory = null) =>
        new(Environment.GetEnvironmentVariable, path => File.Exists(path) ? File.ReadAllText(path) : null,
            currentDirectory ?? Environment.CurrentDirectory, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? OSPlatform.Windows : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? OSPlatform.OSX : OSPlatform.Linux);

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> SearchFolders
    {
        get
        {
            var folders = new List<string> { _currentDirectory };
            if (_platform == OSPlatform.Windows)
            {
                if (_environment("LOCALAPPDATA") is { Length: > 0 } local) folders.Add(Path.Combine(local, "OpenStack", "openstack"));
                folders.Add(Path.Combine(_home, ".config", "openstack"));
                if (_environment("ProgramData") is { Length: > 0 } data) folders.Add(Path.Combine(data, "OpenStack", "openstack"));
            }
            else
            {
                folders.Add(_platform == OSPlatform.OSX
                    ? Path.Combine(_home, "Library", "Application Support", "openstack")
                    : _environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "openstack") : Path.Combine(_home, ".config", "openstack"));
                folders.Add(Path.Combine(_home, ".config", "openstack"));
                folders.Add(_platform == OSPlatform.OSX ? "/Library/Application Support/openstack" : "/etc/xdg/openstack");
                folders.Add("/etc/openstack");
            }
            return folders.Distinct().ToList();
        }
    }

    public IReadOnlyList<string> CloudsFiles => Candidates("OS_CLIENT_CONFIG_FILE", "clouds");
    public IReadOnlyList<string> SecureFiles => Candidates("OS_CLIENT_SECURE_FILE", "secure");

    private IReadOnlyList<string> Candidates(string overrideVariable, string name)
    {
        var files = SearchFolders.SelectMany(folder => Suffixes.Select(suffix => Path.Combine(folder, name + suffix))).ToList();
        if (_environment(overrideVariable) is { Length: > 0 } chosen) files.Insert(0, chosen);
        return files;
    }

    /// <summary>The cloud's file settings (the cloud named, else OS_CLOUD, else none) overlaid by the OS_* environment.</summary>
    public OpenStackConfig Load(string? cloudName)
    {
        var config = new OpenStackConfig();
        var cloud = cloudName ?? (_environment("OS_CLOUD") is { Length: > 0 } named ? named : null);
        if (cloud is not null) LoadCloud(config, cloud, cloudName is not null ? "-Cloud" : "OS_CLOUD");

        config.NextLayer();
        var fromEnvironment = false;
        foreach (var (variable, key) in EnvironmentKeys)
        {
            if (_environment(variable) is not { Length: > 0 } value) continue;
            config.Set(key, value, variable);
            fromEnvironment = true;
        }
        if (fromEnvironment) config.AddSource("OS_* environment");
        return config;
    }

    private void LoadCloud(OpenStackConfig config, string cloud, string origin)
    {
        var (cloudsPath, clouds) = FirstFile(CloudsFiles);
        if (clouds is null)
            throw InputValidation.Invalid("Cloud", $"{origin} names cloud '{cloud}', but there is no clouds.yaml in {string.Join(", ", SearchFolders)} (nor OS_CLIENT_CONFIG_FILE).");
        if (clouds.Clouds is null || !clouds.Clouds.TryGetValue(cloud, out var entry) || entry is null)
            throw InputValidation.Invalid("Cloud", $"{cloudsPath} has no cloud '{cloud}'. Clouds: {string.Join(", ", clouds.Clouds?.Keys.OrderBy(k => k, StringComparer.Ordinal) ?? Enumerable.Empty<string>())}.");
        if (entry.Profile is not null)
            throw InputValidation.Invalid("Cloud", $"cloud '{cloud}' in {cloudsPath} uses vendor profile '{entry.Profile}', which SnapshotPS does not read: write its auth_url and region_name into the cloud.");
        Apply(config, entry, $"cloud '{cloud}' in {cloudsPath}");
        config.AddSource($"clouds.yaml cloud '{cloud}' ({cloudsPath})");

        var (securePath, secure) = FirstFile(SecureFiles);
        if (secure?.Clouds is not null && secure.Clouds.TryGetValue(cloud, out var secrets) && secrets is not null)
        {
            Apply(config, secrets, $"cloud '{cloud}' in {securePath}");
            config.AddSource($"secure.yaml ({securePath})");
        }
    }

    private static void Apply(OpenStackConfig config, CloudEntry entry, string where)
    {
        var auth = entry.Auth ?? new AuthSection();
        void Set(string key, string? value, string field) => config.Set(key, value, $"{field} of {where}");
        Set("AuthType", entry.AuthType, "auth_type");
        Set("AuthUrl", auth.AuthUrl, "auth.auth_url");
        Set("Username", auth.Username, "auth.username");
        Set("UserId", auth.UserId, "auth.user_id");
        Set("Password", auth.Password, "auth.password");
        Set("UserDomainName", auth.UserDomainName, "auth.user_domain_name");
        Set("UserDomainId", auth.UserDomainId, "auth.user_domain_id");
        Set("ProjectName", auth.ProjectName ?? auth.TenantName, "auth.project_name");
        Set("ProjectId", auth.ProjectId ?? auth.TenantId, "auth.project_id");
        Set("ProjectDomainName", auth.ProjectDomainName, "auth.project_domain_name");
        Set("ProjectDomainId", auth.ProjectDomainId, "auth.project_domain_id");
        Set("DomainName", auth.DomainName, "auth.domain_name");
        Set("DomainId", auth.DomainId, "auth.domain_id");
        Set("ApplicationCredentialId", auth.ApplicationCredentialId, "auth.application_credential_id");
        Set("ApplicationCredentialName", auth.ApplicationCredentialName, "auth.application_credential_name");
        Set("ApplicationCredentialSecret", auth.ApplicationCredentialSecret, "auth.application_credential_secret");
        Set("Region", entry.RegionName, "region_name");
        Set("Interface", entry.Interface ?? entry.EndpointType, "interface");
        Set("CaCertificate", entry.Cacert, "cacert");
        if (entry.Verify is { } verify) Set("Insecure", OpenStackConfig.IsTrue(verify) ? "false" : "true", "verify");
    }

    /// <summary>The clouds of the first clouds.yaml found, for completion; none when there is none or it is malformed.</summary>
    public IReadOnlyList<string> CloudNames()
    {
        try
        {
            return FirstFile(CloudsFiles).File?.Clouds?.Keys.ToList() ?? (IReadOnlyList<string>)Array.Empty<string>();
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Array.Empty<string>();
        }
    }

    private (string? Path, CloudsFile? File) FirstFile(IEnumerable<string> candidates)
    {
        foreach (var path in candidates)
        {
            if (_readFile(path) is not { } text) continue;
            try
            {
                var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
                return (path, yaml.Deserialize<CloudsFile?>(text) ?? new CloudsFile());
            }
            catch (YamlException malformed)
            {
                throw new InvalidDataException($"{path} is not valid YAML (line {malformed.Start.Line}).", malformed);
            }
        }
        return (null, null);
    }

    internal sealed class CloudsFile
    {
        public Dictionary<string, CloudEntry?>? Clouds { get; set; }
    }

    internal sealed class CloudEntry
    {
        public AuthSection? Auth { get; set; }
        public string? AuthType { get; set; }
        public string? RegionName { get; set; }
        public string? Interface { get; set; }
        public string? EndpointType { get; set; }
        public string? Cacert { get; set; }
        public string? Verify { get; set; }
        public string? Profile { get; set; }
    }

    internal sealed class AuthSection
    {
        public string? AuthUrl { get; set; }
        public string? Username { get; set; }
        public string? UserId { get; set; }
        public string? Password { get; set; }
        public string? UserDomainName { get; set; }
        public string? UserDomainId { get; set; }
        public string? ProjectName { get; set; }
        public string? ProjectId { get; set; }
        public string? TenantName { get; set; }
        public string? TenantId { get; set; }
        public string? ProjectDomainName { get; set; }
        public string? ProjectDomainId { get; set; }
        public string? DomainName { get; set; }
        public string? DomainId { get; set; }
        public string? ApplicationCredentialId { get; set; }
        public string? ApplicationCredentialName { get; set; }
        public string? ApplicationCredentialSecret { get; set; }
    }
}
