namespace Sdc.Processors.Emu.Level2;

/// <summary>
/// Fits the whole spectrum at once with a linear background plus one Gaussian per reference line,
/// all lines sharing one width (the instrument's resolution), by Levenberg–Marquardt least squares
/// with equal weights. Errors come from the covariance scaled by the residual variance. A line
/// whose reference wavelength is not at least two widths inside the spectrum, or whose fitted
/// centre strays by more than a FWHM from it, is returned unmeasured (NaN).
/// </summary>
internal static class LineFitter
{
    private const double FwhmPerSigma = 2.354820045030949;
    private const int MaxIterations = 200;

    public static IReadOnlyList<LineMeasurement> Fit(double[] wavelength, double[] flux, IReadOnlyList<ReferenceLine> lines, double fwhmGuessNm)
    {
        var sigma0 = fwhmGuessNm / FwhmPerSigma;
        var inside = lines.Where(l => l.WavelengthNm >= wavelength[0] + (2 * sigma0) && l.WavelengthNm <= wavelength[^1] - (2 * sigma0)).ToList();
        var fitted = inside.Count == 0 ? null : Solve(wavelength, flux, inside, sigma0);
        var dispersion = Math.Abs((wavelength[^1] - wavelength[0]) / (wavelength.Length - 1));

        var results = new List<LineMeasurement>();
        foreach (var line in lines)
        {
            var i = inside.IndexOf(line);
            if (fitted is not var (p, covariance) || i < 0)
            {
                results.Add(Unmeasured(line));
                continue;
            }
            double sigma = Math.Abs(p[2]), amplitude = p[3 + (2 * i)], centre = p[4 + (2 * i)];
            var k = Math.Sqrt(2 * Math.PI) / dispersion;
            var lineFlux = amplitude * sigma * k;
            // flux = k·A·σ: propagate the covariance of A and σ.
            var fluxVariance = (k * k) * ((sigma * sigma * covariance[3 + (2 * i), 3 + (2 * i)]) + (amplitude * amplitude * covariance[2, 2])
                + (2 * amplitude * sigma * covariance[2, 3 + (2 * i)]));
            if (!double.IsFinite(centre) || !double.IsFinite(lineFlux) || Math.Abs(centre - line.WavelengthNm) > sigma * FwhmPerSigma)
            {
                results.Add(Unmeasured(line));
                continue;
            }
            results.Add(new LineMeasurement(line.Name, line.WavelengthNm, centre, Math.Sqrt(Math.Max(0, covariance[4 + (2 * i), 4 + (2 * i)])),
                sigma * FwhmPerSigma, lineFlux, Math.Sqrt(Math.Max(0, fluxVariance)), double.NaN));
        }
        var total = results.Where(r => r.IsMeasured).Sum(r => r.Flux);
        return [.. results.Select(r => r.IsMeasured ? r with { RelativeFlux = r.Flux / total } : r)];
    }

    private static LineMeasurement Unmeasured(ReferenceLine line) =>
        new(line.Name, line.WavelengthNm, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    // Parameters: background at the middle, background slope, σ, then amplitude and centre per line.
    private static (double[] Parameters, double[,] Covariance)? Solve(double[] x, double[] y, List<ReferenceLine> lines, double sigma0)
    {
        var n = 3 + (2 * lines.Count);
        var middle = (x[0] + x[^1]) / 2;
        var p = new double[n];
        var sorted = y.Where(double.IsFinite).Order().ToArray();
        p[0] = sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
        p[2] = sigma0;
        for (var i = 0; i < lines.Count; i++)
        {
            var near = Enumerable.Range(0, x.Length).Where(j => Math.Abs(x[j] - lines[i].WavelengthNm) <= sigma0).Select(j => y[j]).DefaultIfEmpty(p[0]).Max();
            p[3 + (2 * i)] = Math.Max(near - p[0], 1e-9);
            p[4 + (2 * i)] = lines[i].WavelengthNm;
        }

        var jacobian = new double[x.Length, n];
        var residual = new double[x.Length];
        var cost = Evaluate(x, y, p, middle, lines.Count, jacobian, residual);
        var damping = 1e-3;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (normal, gradient) = NormalEquations(jacobian, residual, n);
            var step = new double[n];
            var accepted = false;
            while (damping < 1e12)
            {
                var damped = (double[,])normal.Clone();
                for (var d = 0; d < n; d++)
                {
                    damped[d, d] += damping * Math.Max(normal[d, d], 1e-300);
                }
                if (!LinearSystem.TrySolve(damped, gradient, step))
                {
                    damping *= 10;
                    continue;
                }
                var trial = p.Select((v, d) => v + step[d]).ToArray();
                var trialJacobian = new double[x.Length, n];
                var trialResidual = new double[x.Length];
                var trialCost = Evaluate(x, y, trial, middle, lines.Count, trialJacobian, trialResidual);
                if (double.IsFinite(trialCost) && trialCost <= cost)
                {
                    var converged = cost - trialCost <= 1e-12 * cost;
                    (p, jacobian, residual, cost) = (trial, trialJacobian, trialResidual, trialCost);
                    damping = Math.Max(damping / 10, 1e-12);
                    accepted = true;
                    if (converged)
                    {
                        iteration = MaxIterations;
                    }
                    break;
                }
                damping *= 10;
            }
            if (!accepted)
            {
                break;
            }
        }

        var (finalNormal, _) = NormalEquations(jacobian, residual, n);
        var covariance = LinearSystem.Invert(finalNormal);
        if (covariance is null)
        {
            return null;
        }
        var variance = cost / Math.Max(1, x.Length - n);
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                covariance[a, b] *= variance;
            }
        }
        return (p, covariance);
    }

    // Fills the Jacobian of the model and the residuals y − model; returns the residual sum of squares.
    private static double Evaluate(double[] x, double[] y, double[] p, double middle, int lineCount, double[,] jacobian, double[] residual)
    {
        var sigma = p[2];
        var cost = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            var model = p[0] + (p[1] * (x[j] - middle));
            jacobian[j, 0] = 1;
            jacobian[j, 1] = x[j] - middle;
            var dSigma = 0.0;
            for (var i = 0; i < lineCount; i++)
            {
                var amplitude = p[3 + (2 * i)];
                var d = x[j] - p[4 + (2 * i)];
                var g = Math.Exp(-d * d / (2 * sigma * sigma));
                model += amplitude * g;
                jacobian[j, 3 + (2 * i)] = g;
                jacobian[j, 4 + (2 * i)] = amplitude * g * d / (sigma * sigma);
                dSigma += amplitude * g * d * d / (sigma * sigma * sigma);
            }
            jacobian[j, 2] = dSigma;
            residual[j] = double.IsFinite(y[j]) ? y[j] - model : 0;
            cost += residual[j] * residual[j];
        }
        return cost;
    }

    private static (double[,] Normal, double[] Gradient) NormalEquations(double[,] jacobian, double[] residual, int n)
    {
        var normal = new double[n, n];
        var gradient = new double[n];
        for (var j = 0; j < residual.Length; j++)
        {
            for (var a = 0; a < n; a++)
            {
                var ja = jacobian[j, a];
                gradient[a] += ja * residual[j];
                for (var b = a; b < n; b++)
                {
                    normal[a, b] += ja * jacobian[j, b];
                }
            }
        }
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < a; b++)
            {
                normal[a, b] = normal[b, a];
            }
        }
        return (normal, gradient);
    }
}
