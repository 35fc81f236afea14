using System.Reflection;
using Lantern.Storage.Abstractions;
using Microsoft.AspNetCore.Builder;

namespace Lantern.Bench.Harness;

/// <summary>
/// Finds Lantern.Web's host factory by reflection (a public static method returning a <see cref="WebApplication"/>),
/// so the harness builds and reports "not available" before the web branch lands.
/// </summary>
internal static class WebProbe
{
    public static async Task<(WebApplication App, string How)?> CreateAsync(string dataFolder)
    {
        Assembly web;
        try
        {
            web = Assembly.Load(new AssemblyName("Lantern.Web"));
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        string[] args = ["--urls", "http://127.0.0.1:0", "--data", dataFolder, "--Lantern:DataFolder", dataFolder, "--environment", "Production"];
        var methods = web.GetExportedTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(WebApplication) || m.ReturnType == typeof(Task<WebApplication>))
            .OrderByDescending(m => m.GetParameters().Any(p => p.ParameterType == typeof(string)));
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            var values = new object?[parameters.Length];
            var ok = true;
            for (var i = 0; i < parameters.Length && ok; i++)
            {
                var t = parameters[i].ParameterType;
                if (t == typeof(string[]))
                {
                    values[i] = args;
                }
                else if (t == typeof(string))
                {
                    values[i] = dataFolder;
                }
                else if (t == typeof(Uri))
                {
                    values[i] = new Uri("http://127.0.0.1:0");
                }
                else if (parameters[i].HasDefaultValue)
                {
                    values[i] = parameters[i].DefaultValue;
                }
                else if (t.IsClass && t != typeof(WebApplication) && t.GetConstructor(Type.EmptyTypes) is not null)
                {
                    values[i] = OptionsFor(t, dataFolder);
                    ok = values[i] is not null;
                }
                else
                {
                    ok = false;
                }
            }

            if (!ok)
            {
                continue;
            }

            var result = method.Invoke(null, values);
            var app = result is Task<WebApplication> task ? await task : (WebApplication)result!;
            return (app, $"{method.DeclaringType!.Name}.{method.Name}(...)");
        }

        return null;
    }

    /// <summary>
    /// An options object (such as LanternWebOptions) with the data folder, a loopback port-0 address, console
    /// logging off (it would dominate the measurement) and no sample corpus; null when it has no data-folder property.
    /// </summary>
    private static object? OptionsFor(Type type, string dataFolder)
    {
        var options = Activator.CreateInstance(type)!;
        var folderSet = false;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = property.Name;
            if (property.PropertyType == typeof(string) && name.Contains("Data", StringComparison.Ordinal) && (name.Contains("Folder", StringComparison.Ordinal) || name.Contains("Dir", StringComparison.Ordinal)))
            {
                property.SetValue(options, dataFolder);
                folderSet = true;
            }
            else if (property.PropertyType == typeof(string) && name is "Urls" or "Url")
            {
                property.SetValue(options, "http://127.0.0.1:0");
            }
            else if (property.PropertyType == typeof(bool) && name.Contains("Logging", StringComparison.Ordinal))
            {
                property.SetValue(options, false);
            }
            else if (property.PropertyType == typeof(Func<string, IReviewLibrary>))
            {
                // The same library factory the rest of the harness found, so the web app reads the library just built.
                property.SetValue(options, new Func<string, IReviewLibrary>(folder =>
                    StorageProbe.OpenAsync(folder).GetAwaiter().GetResult()?.Library ?? throw new InvalidOperationException("storage not available")));
            }
            else if (property.PropertyType == typeof(string) && name.Contains("Sample", StringComparison.Ordinal))
            {
                property.SetValue(options, null);
            }
        }

        return folderSet ? options : null;
    }
}
