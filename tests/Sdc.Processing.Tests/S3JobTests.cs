using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Sdc.Processing.Tests;

/// <summary>The same processor reading its inputs from, and writing its products to, S3 (s3rver), as it does in AWS Batch.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class S3JobTests
{
    [Fact]
    public async Task Run_S3Locations_FetchesVerifiesAndWritesProductsToTheBucket()
    {
        var (endpoint, s3, bucket) = await NewBucketAsync();
        using var client = s3;
        var content = Encoding.ASCII.GetBytes("science data in a bucket");
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "archive/a.dat", InputStream = new MemoryStream(content), UseChunkEncoding = false,
        });
        using var folder = new JobFolder(("unused.dat", content));
        folder.Job["inputs"]![0]!["location"] = $"s3://{bucket}/archive/a.dat";
        folder.Job["inputs"]![0]!["name"] = "a.dat";
        folder.Job["outputPrefix"] = $"s3://{bucket}/products/job-1/";
        Environment.SetEnvironmentVariable(FileLocations.S3EndpointVariable, endpoint);
        try
        {
            using var output = new StringWriter();
            var exit = await ProcessorHost.RunAsync(["--job", folder.WriteJob()], new CopyProcessor(), output);

            Assert.True(exit == ExitCodes.Ok, output.ToString());
            using var product = await s3.GetObjectAsync(bucket, "products/job-1/a.dat.rev");
            using var buffer = new MemoryStream();
            await product.ResponseStream.CopyToAsync(buffer);
            Assert.Equal(content.Reverse().ToArray(), buffer.ToArray());
            using var outputs = await s3.GetObjectAsync(bucket, "products/job-1/outputs.json");
            var listed = (await JsonNode.ParseAsync(outputs.ResponseStream))!["products"]![0]!;
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(buffer.ToArray())), listed["md5"]!.GetValue<string>());
        }
        finally
        {
            Environment.SetEnvironmentVariable(FileLocations.S3EndpointVariable, null);
        }
    }

    [Fact]
    public async Task Run_JobFileInS3NamedBySdcJob_ReadsItFromTheBucket()
    {
        // What AWS Batch gets from the pipeline: SDC_JOB holds the job file's s3:// location, not the JSON.
        var (endpoint, s3, bucket) = await NewBucketAsync();
        using var client = s3;
        var content = Encoding.ASCII.GetBytes("science data for a job read from S3");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "archive/b.dat", InputStream = new MemoryStream(content), UseChunkEncoding = false });
        using var folder = new JobFolder(("unused.dat", content));
        folder.Job["inputs"]![0]!["location"] = $"s3://{bucket}/archive/b.dat";
        folder.Job["inputs"]![0]!["name"] = "b.dat";
        folder.Job["outputPrefix"] = $"s3://{bucket}/jobs/job-2/";
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "jobs/job-2/job.json", InputStream = new MemoryStream(Encoding.UTF8.GetBytes(folder.Job.ToJsonString())), UseChunkEncoding = false,
        });
        Environment.SetEnvironmentVariable(FileLocations.S3EndpointVariable, endpoint);
        Environment.SetEnvironmentVariable(JobReader.JobEnvironmentVariable, $"s3://{bucket}/jobs/job-2/job.json");
        try
        {
            using var output = new StringWriter();
            var exit = await ProcessorHost.RunAsync([], new CopyProcessor(), output);

            Assert.True(exit == ExitCodes.Ok, output.ToString());
            using var product = await s3.GetObjectAsync(bucket, "jobs/job-2/b.dat.rev");
            Assert.Equal(content.Length, product.ContentLength);

            // A location with nothing there is bad input (exit 2) naming it, not a crash.
            Environment.SetEnvironmentVariable(JobReader.JobEnvironmentVariable, $"s3://{bucket}/jobs/none/job.json");
            using var missing = new StringWriter();
            Assert.Equal(ExitCodes.BadInput, await ProcessorHost.RunAsync([], new CopyProcessor(), missing));
            Assert.Contains($"s3://{bucket}/jobs/none/job.json: the job file cannot be read", missing.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FileLocations.S3EndpointVariable, null);
            Environment.SetEnvironmentVariable(JobReader.JobEnvironmentVariable, null);
        }
    }

    /// <summary>A client of the test S3 server (s3rver) and a fresh bucket on it.</summary>
    private static async Task<(string Endpoint, AmazonS3Client Client, string Bucket)> NewBucketAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("SDC_TEST_S3_ENDPOINT")
            ?? throw new InvalidOperationException("SDC_TEST_S3_ENDPOINT is not set: run ./test.sh, or tests/services/start.sh <dir> and source <dir>/env.sh");
        var s3 = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"),
            new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var bucket = "sdk-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);
        return (endpoint, s3, bucket);
    }
}
