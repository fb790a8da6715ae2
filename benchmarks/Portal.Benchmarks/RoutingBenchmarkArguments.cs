using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Portal.Moderation.Routing;

namespace Portal.Benchmarks;

/// <summary>
/// The router benchmarks' options: <c>--shared DIR</c>, any number of <c>--set Option=Value</c> overriding a
/// <see cref="RouterTrainingOptions"/> property (to compare settings on the same protocol), and <c>--folds 1,3</c>
/// to run only some folds of the quality protocol, <c>--errors FILE</c> to write the messages it got wrong (TSV).
/// </summary>
internal sealed record RoutingBenchmarkArguments(string? SharedDirectory, RouterTrainingOptions Options, IReadOnlySet<int>? Folds, string? ErrorsFile)
{
    public static bool TryParse(string[] args, out RoutingBenchmarkArguments parsed, out string error)
    {
        string? shared = null;
        var options = new RouterTrainingOptions();
        HashSet<int>? folds = null;
        string? errors = null;
        parsed = new RoutingBenchmarkArguments(null, options, null, null);
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                error = $"{args[i]} 后面缺少值。";
                return false;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--shared":
                    shared = value;
                    break;
                case "--errors":
                    errors = value;
                    break;
                case "--set":
                    if (!TrySet(ref options, value, out error))
                        return false;
                    break;
                case "--folds":
                    folds = [];
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!int.TryParse(part, CultureInfo.InvariantCulture, out var fold) || fold is < 1 or > QualityBenchmark.Folds)
                        {
                            error = $"--folds 的值“{value}”应为 1 到 {QualityBenchmark.Folds} 的折号，用逗号分隔。";
                            return false;
                        }

                        folds.Add(fold - 1);
                    }

                    if (folds.Count == 0)
                    {
                        error = "--folds 至少要给一个折号。";
                        return false;
                    }

                    break;
                default:
                    error = $"不认识的参数：{args[i - 1]}";
                    return false;
            }
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            error = string.Join(" ", problems.Select(p => p.ErrorMessage));
            return false;
        }

        parsed = new RoutingBenchmarkArguments(shared, options, folds, errors);
        error = "";
        return true;
    }

    private static bool TrySet(ref RouterTrainingOptions options, string assignment, out string error)
    {
        var parts = assignment.Split('=', 2, StringSplitOptions.TrimEntries);
        var property = parts.Length == 2 ? typeof(RouterTrainingOptions).GetProperty(parts[0]) : null;
        if (property is null || !property.CanWrite)
        {
            error = $"--set 的“{assignment}”应为 属性=值，属性是 {string.Join("、", typeof(RouterTrainingOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name))} 之一。";
            return false;
        }

        object value;
        try
        {
            value = Convert.ChangeType(parts[1], property.PropertyType, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            error = $"--set {parts[0]} 的值“{parts[1]}”不是 {property.PropertyType.Name}。";
            return false;
        }

        options = options with { }; // a copy: init-only properties are set once, on the copy, through reflection
        property.SetValue(options, value);
        error = "";
        return true;
    }
}
