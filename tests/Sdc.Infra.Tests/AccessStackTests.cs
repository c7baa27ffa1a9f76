using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Sdc.Infra.Tests;

[Collection(SynthesizedSdcGroup.Name)]
public sealed class AccessStackTests(SynthesizedSdc sdc)
{
    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void UserPool_HasTheApisGroups_OneItfGroupPerInstrument(string stage)
    {
        var json = sdc.Json(stage, s => s.Access);

        var groups = TemplateJson.Resources(json, "AWS::Cognito::UserPoolGroup").Select(g => g.Properties["GroupName"]!.GetValue<string>());
        Assert.Equal(new[] { "admin", "team" }.Concat(sdc.Inputs.Mission.Instruments.Select(i => $"itf-{i.Id}")).Order(), groups.Order());
        var pool = TemplateJson.Resources(json, "AWS::Cognito::UserPool").Single().Properties;
        Assert.True(pool["AdminCreateUserConfig"]!["AllowAdminCreateUserOnly"]!.GetValue<bool>(), "accounts are given, not signed up for");
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void AppClient_PublicWithThePasswordAndRefreshFlowsTheCliAndPortalUse(string stage)
    {
        var client = TemplateJson.Resources(sdc.Json(stage, s => s.Access), "AWS::Cognito::UserPoolClient").Single().Properties;

        Assert.False(client["GenerateSecret"]?.GetValue<bool>() ?? false);
        Assert.Equal(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"], TemplateJson.Strings(client["ExplicitAuthFlows"]).Order());
        Assert.Null(client["AllowedOAuthFlows"]);
        Assert.Equal("ENABLED", client["PreventUserExistenceErrors"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void EveryRouteButPublic_HasTheCognitoAuthorizer(string stage)
    {
        var json = sdc.Json(stage, s => s.Access);
        var resources = TemplateJson.Resources(json, "AWS::ApiGateway::Resource").ToDictionary(r => r.Id, r => r.Properties);
        string PathOf(JsonNode? id)
        {
            var logical = id?["Ref"]?.GetValue<string>();
            return logical is null ? "" : PathOf(resources[logical]["ParentId"]) + "/" + resources[logical]["PathPart"]!.GetValue<string>();
        }
        var authorizer = TemplateJson.Resources(json, "AWS::ApiGateway::Authorizer").Single();
        Assert.Equal("COGNITO_USER_POOLS", authorizer.Properties["Type"]!.GetValue<string>());

        var methods = TemplateJson.Resources(json, "AWS::ApiGateway::Method")
            .Select(m => (Path: PathOf(m.Properties["ResourceId"]), Verb: m.Properties["HttpMethod"]!.GetValue<string>(), m.Properties))
            .Where(m => m.Verb != "OPTIONS") // CORS preflight carries no token, by the browser's rules
            .ToList();

        Assert.Equal(["/public/{proxy+} ANY", "/v1/{proxy+} ANY"], methods.Select(m => $"{m.Path} {m.Verb}").Order());
        foreach (var (path, _, properties) in methods)
        {
            if (path.StartsWith("/public", StringComparison.Ordinal))
            {
                Assert.Equal("NONE", properties["AuthorizationType"]!.GetValue<string>());
            }
            else
            {
                Assert.Equal("COGNITO_USER_POOLS", properties["AuthorizationType"]!.GetValue<string>());
                Assert.Equal(authorizer.Id, properties["AuthorizerId"]!["Ref"]!.GetValue<string>());
            }
            Assert.Equal("AWS_PROXY", properties["Integration"]!["Type"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(SynthesizedSdc.StageNames), MemberType = typeof(SynthesizedSdc))]
    public void Stage_ThrottledWithAccessLogs(string stage)
    {
        var settings = sdc.Stages[stage].Settings;

        sdc.Template(stage, s => s.Access).HasResourceProperties("AWS::ApiGateway::Stage", new Dictionary<string, object>
        {
            ["MethodSettings"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
            {
                ["ThrottlingRateLimit"] = settings.ApiRateLimit,
                ["ThrottlingBurstLimit"] = settings.ApiBurstLimit,
            })]),
            ["AccessLogSetting"] = Match.ObjectLike(new Dictionary<string, object> { ["Format"] = Match.StringLikeRegexp("requestId") }),
        });
    }
}
