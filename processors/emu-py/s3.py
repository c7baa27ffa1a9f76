"""s3://bucket/key reads and writes with the standard library only (no boto3 on Debian's image).

Two calls are all a processor needs: GET an object (streamed) and PUT one, signed with AWS
Signature Version 4. Where, and as whom, mirrors the C# SDK's FileLocations:

- SDC_S3_ENDPOINT set (an S3-compatible server such as s3rver in the tests): path-style URLs on
  that endpoint; credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, else S3RVER/S3RVER.
- unset (AWS): https://<bucket>.s3.<AWS_REGION>.amazonaws.com; credentials from the environment
  (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), else the container credentials
  endpoint that AWS Batch/ECS gives a job's role (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI),
  else the EC2 instance metadata service (IMDSv2).
"""

import datetime
import hashlib
import hmac
import json
import os
import urllib.error
import urllib.parse
import urllib.request

ENDPOINT_VARIABLE = "SDC_S3_ENDPOINT"
TIMEOUT_SECONDS = 60


class S3Error(Exception):
    """An object cannot be read or written (missing, refused, unreachable, no credentials)."""


def split(location):
    """(bucket, key) of an s3://bucket/key URI; ValueError when it is not one."""
    rest = location[len("s3://"):] if location.startswith("s3://") else ""
    slash = rest.find("/")
    if slash <= 0:
        raise ValueError(f"'{location}' is not an s3://bucket/key URI")
    return rest[:slash], rest[slash + 1:]


def open_read(bucket, key):
    """A readable response (read(n), close()) streaming the object's bytes."""
    return _request("GET", bucket, key, b"")


def put(bucket, key, data):
    _request("PUT", bucket, key, data).close()


def _region():
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"


def _url(bucket, key):
    endpoint = os.environ.get(ENDPOINT_VARIABLE)
    quoted_key = urllib.parse.quote(key, safe="/~")
    if endpoint:
        base = endpoint.rstrip("/")
        parts = urllib.parse.urlsplit(base)
        path = f"{parts.path}/{urllib.parse.quote(bucket, safe='~')}/{quoted_key}"
        return f"{parts.scheme}://{parts.netloc}{path}", parts.netloc, path
    host = f"{bucket}.s3.{_region()}.amazonaws.com"
    path = "/" + quoted_key
    return f"https://{host}{path}", host, path


def _credentials():
    key, secret = os.environ.get("AWS_ACCESS_KEY_ID"), os.environ.get("AWS_SECRET_ACCESS_KEY")
    if key and secret:
        return key, secret, os.environ.get("AWS_SESSION_TOKEN")
    if os.environ.get(ENDPOINT_VARIABLE):
        return "S3RVER", "S3RVER", None
    relative = os.environ.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
    full = os.environ.get("AWS_CONTAINER_CREDENTIALS_FULL_URI")
    try:
        if relative or full:
            request = urllib.request.Request(full or "http://169.254.170.2" + relative)
            token = os.environ.get("AWS_CONTAINER_AUTHORIZATION_TOKEN")
            if token:
                request.add_header("Authorization", token)
            with urllib.request.urlopen(request, timeout=5) as response:
                found = json.load(response)
            return found["AccessKeyId"], found["SecretAccessKey"], found.get("Token")
        token_request = urllib.request.Request("http://169.254.169.254/latest/api/token", method="PUT",
                                               headers={"X-aws-ec2-metadata-token-ttl-seconds": "300"})
        with urllib.request.urlopen(token_request, timeout=2) as response:
            token = response.read().decode()
        base = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
        headers = {"X-aws-ec2-metadata-token": token}
        with urllib.request.urlopen(urllib.request.Request(base, headers=headers), timeout=2) as response:
            role = response.read().decode().split()[0]
        with urllib.request.urlopen(urllib.request.Request(base + role, headers=headers), timeout=2) as response:
            found = json.load(response)
        return found["AccessKeyId"], found["SecretAccessKey"], found.get("Token")
    except (OSError, ValueError, KeyError, IndexError) as e:
        raise S3Error(f"no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or run with a task role ({e})")


def _sign(key, message):
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def _request(method, bucket, key, body):
    url, host, path = _url(bucket, key)
    access, secret, token = _credentials()
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    payload = hashlib.sha256(body).hexdigest()
    headers = {"host": host, "x-amz-content-sha256": payload, "x-amz-date": amz_date}
    if token:
        headers["x-amz-security-token"] = token
    signed = ";".join(sorted(headers))
    canonical = "\n".join([method, path, "", "".join(f"{k}:{headers[k]}\n" for k in sorted(headers)), signed, payload])
    scope = f"{day}/{_region()}/s3/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    signing_key = _sign(_sign(_sign(_sign(("AWS4" + secret).encode(), day), _region()), "s3"), "aws4_request")
    signature = hmac.new(signing_key, to_sign.encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(url, data=body if method == "PUT" else None, method=method)
    for name, value in headers.items():
        request.add_header(name, value)
    request.add_header("Authorization", f"AWS4-HMAC-SHA256 Credential={access}/{scope}, SignedHeaders={signed}, Signature={signature}")
    if method == "PUT":
        request.add_header("Content-Length", str(len(body)))
        request.add_header("Content-Type", "application/octet-stream")
    try:
        return urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS)
    except urllib.error.HTTPError as e:
        detail = e.read(2000).decode("utf-8", "replace")
        code = detail.split("<Code>")[1].split("</Code>")[0] if "<Code>" in detail else e.reason
        e.close()
        raise S3Error(f"s3://{bucket}/{key}: {code} (HTTP {e.code})")
    except (urllib.error.URLError, OSError) as e:
        raise S3Error(f"s3://{bucket}/{key}: {getattr(e, 'reason', e)}")
