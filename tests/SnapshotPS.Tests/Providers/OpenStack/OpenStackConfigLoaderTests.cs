using System.Runtime.InteropServices;
using SnapshotPS.Core.Providers.OpenStack;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>clouds.yaml and secure.yaml where the openstack CLI finds them, under the OS_* environment (an in-memory file system).</summary>
public class OpenStackConfigLoaderTests
{
    private const string Here = "/work/here";
    private const string Home = "/home/alice";
    private readonly Dictionary<string, string> _files = new();
    private readonly Dictionary<string, string?> _env = new();

    private const string Clouds = """
        clouds:
          prod:
            auth:
              auth_url: https://keystone.prod.example:5000/v3
              username: alice
              user_domain_name: Default
              project_name: web
              project_domain_id: default
            region_name: RegionTwo
            interface: internal
          appcred:
            auth_type: v3applicationcredential
            auth:
              auth_url: https://keystone.prod.example:5000/v3
              application_credential_id: 423f19a4ac1e4f48bbb4180756e6eb6c
              application_credential_secret: file-app-secret
        """;

    private OpenStackConfigLoader Loader(OSPlatform? platform = null) =>
        new(name => _env.TryGetValue(name, out var v) ? v : null, path => _files.TryGetValue(path, out var text) ? text : null, Here, Home, platform ?? OSPlatform.Linux);

    [Fact]
    public void The_search_follows_openstacksdk_current_folder_then_user_config_then_site_folders()
    {
        var files = Loader().CloudsFiles;

        Assert.Equal(Path.Combine(Here, "clouds.yaml"), files[0]);
        Assert.Equal(new[] { Here, Path.Combine(Home, ".config", "openstack"), "/etc/xdg/openstack", "/etc/openstack" }, Loader().SearchFolders);
        Assert.Contains(Path.Combine("/etc/openstack", "clouds.yml"), files);
        Assert.Contains(Path.Combine(Home, ".config", "openstack", "clouds.json"), files);
        Assert.Equal(Path.Combine(Home, ".config", "openstack", "secure.yaml"), Loader().SecureFiles[3]);
    }

    [Fact]
    public void Xdg_config_home_and_os_client_config_file_are_honoured()
    {
        _env["XDG_CONFIG_HOME"] = "/xdg";
        _env["OS_CLIENT_CONFIG_FILE"] = "/custom/my-clouds.yaml";

        var files = Loader().CloudsFiles;

        Assert.Equal("/custom/my-clouds.yaml", files[0]);
        Assert.Equal(Path.Combine("/xdg", "openstack", "clouds.yaml"), files[4]);
    }

    [Fact]
    public void The_first_file_found_is_read_and_the_cloud_named_gives_the_settings()
    {
        _files["/etc/openstack/clouds.yaml"] = Clouds.Replace("alice", "from-etc");
        _files[Path.Combine(Home, ".config", "openstack", "clouds.yaml")] = Clouds;
        _files[Path.Combine(Home, ".config", "openstack", "secure.yaml")] = "clouds:\n  prod:\n    auth:\n      password: file-password\n";

        var settings = Loader().Load("prod").ToSettings();

        Assert.Equal(("alice", "Default", "web", "default", "RegionTwo", "internal"),
            (settings.Username, settings.UserDomainName, settings.ProjectName, settings.ProjectDomainId, settings.Region, settings.Interface));
        Assert.Equal(new Uri("https://keystone.prod.example:5000/v3"), settings.Endpoint);
        Assert.True(settings.Password!.RevealsAs("file-password"));
        Assert.Contains("clouds.yaml cloud 'prod'", settings.Source);
        Assert.Contains("secure.yaml", settings.Source);
        settings.Validate();
    }

    [Fact]
    public void Os_cloud_names_the_cloud_when_no_parameter_does()
    {
        _files[Path.Combine(Here, "clouds.yaml")] = Clouds;
        _env["OS_CLOUD"] = "appcred";

        var settings = Loader().Load(null).ToSettings();

        Assert.Equal("423f19a4ac1e4f48bbb4180756e6eb6c", settings.ApplicationCredentialId);
        Assert.True(settings.ApplicationCredentialSecret!.RevealsAs("file-app-secret"));
    }

    [Fact]
    public void The_environment_overrides_the_file_and_replaces_a_name_with_an_id()
    {
        _files[Path.Combine(Here, "clouds.yaml")] = Clouds;
        _env["OS_PASSWORD"] = "env-password";
        _env["OS_REGION_NAME"] = "RegionOne";
        _env["OS_PROJECT_ID"] = "0e4cd3b6fd5f4c38b4e1e0ec2b5ac6f1";

        var settings = Loader().Load("prod").ToSettings();

        Assert.True(settings.Password!.RevealsAs("env-password"));
        Assert.Equal("RegionOne", settings.Region);
        Assert.Equal("0e4cd3b6fd5f4c38b4e1e0ec2b5ac6f1", settings.ProjectId);
        Assert.Null(settings.ProjectName); // the file's project name, replaced by the environment's id
        Assert.Equal("OS_PROJECT_ID", settings.OriginOf("ProjectId"));
        Assert.Contains("OS_* environment", settings.Source);
    }

    [Fact]
    public void The_environment_alone_is_enough_and_an_openrc_giving_both_project_id_and_name_keeps_both()
    {
        _env["OS_AUTH_URL"] = "https://keystone.example:5000/v3";
        _env["OS_USERNAME"] = "bob";
        _env["OS_USER_DOMAIN_NAME"] = "Default";
        _env["OS_PASSWORD"] = "bob-password";
        _env["OS_PROJECT_ID"] = "a6944d763bf64ee6a275f1263fae0352";
        _env["OS_PROJECT_NAME"] = "demo";
        _env["OS_INTERFACE"] = "public";
        _env["OS_INSECURE"] = "true";

        var settings = Loader().Load(null).ToSettings();

        Assert.Equal(("bob", "a6944d763bf64ee6a275f1263fae0352", "demo"), (settings.Username, settings.ProjectId, settings.ProjectName));
        Assert.True(settings.Http.SkipCertificateCheck);
        settings.Validate();
    }

    [Fact]
    public void An_explicit_application_credential_auth_type_leaves_out_a_scope_from_the_environment()
    {
        _files[Path.Combine(Here, "clouds.yaml")] = Clouds;
        _env["OS_PROJECT_NAME"] = "stray";

        var settings = Loader().Load("appcred").ToSettings();

        Assert.Null(settings.ProjectName);
        settings.Validate();
    }

    [Fact]
    public void Without_an_auth_type_a_scope_beside_an_application_credential_is_refused_naming_where_it_came_from()
    {
        _env["OS_AUTH_URL"] = "https://keystone.example:5000/v3";
        _env["OS_APPLICATION_CREDENTIAL_ID"] = "423f19a4ac1e4f48bbb4180756e6eb6c";
        _env["OS_APPLICATION_CREDENTIAL_SECRET"] = "s";
        _env["OS_PROJECT_NAME"] = "demo";

        var refused = Assert.Throws<ArgumentException>(() => Loader().Load(null).ToSettings().Validate());

        Assert.Equal("ProjectName", refused.ParamName);
        Assert.Contains("OS_PROJECT_NAME", refused.Message);
    }

    [Fact]
    public void A_cloud_that_is_not_in_the_file_lists_the_clouds_and_no_file_lists_the_folders()
    {
        var noFile = Assert.Throws<ArgumentException>(() => Loader().Load("prod"));
        _files[Path.Combine(Here, "clouds.yaml")] = Clouds;
        var noCloud = Assert.Throws<ArgumentException>(() => Loader().Load("staging"));

        Assert.Equal(("Cloud", "Cloud"), (noFile.ParamName, noCloud.ParamName));
        Assert.Contains("/etc/openstack", noFile.Message);
        Assert.Contains("appcred, prod", noCloud.Message);
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_an_invalid_data_error_naming_it()
    {
        _files[Path.Combine(Here, "clouds.yaml")] = "clouds: [unclosed";

        Assert.Contains("clouds.yaml", Assert.Throws<InvalidDataException>(() => Loader().Load("prod")).Message);
    }

    [Fact]
    public void On_Windows_the_user_folder_is_under_local_app_data()
    {
        _env["LOCALAPPDATA"] = @"C:\Users\alice\AppData\Local";

        Assert.Equal(Path.Combine(@"C:\Users\alice\AppData\Local", "OpenStack", "openstack"), Loader(OSPlatform.Windows).SearchFolders[1]);
    }
}
