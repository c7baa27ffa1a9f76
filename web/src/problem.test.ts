import { describe, expect, it } from 'vitest';
import { ApiError, asProblem, networkProblem, problemLines, problemText, toProblem } from './problem';

describe('problem+json', () => {
  it('reads every field of an RFC 7807 problem', () => {
    const body = JSON.stringify({
      type: 'https://sdc/problems/bad-parameter', title: 'Bad parameter', status: 400,
      detail: 'orbit=x is not a whole number from 0 to 2147483647.', instance: '/v1/products', parameter: 'orbit',
      expected: 'an integer from 0 to 2147483647',
    });
    const problem = toProblem(400, 'Bad Request', body, 'application/problem+json');
    expect(problem).toEqual(JSON.parse(body));
    expect(problemLines(problem)).toEqual([
      'Bad parameter (400)',
      'orbit=x is not a whole number from 0 to 2147483647.',
      'Parameter: orbit',
      'Expected: an integer from 0 to 2147483647',
    ]);
    expect(problemText(problem)).toBe(
      'Bad parameter (400) — orbit=x is not a whole number from 0 to 2147483647. — Parameter: orbit — Expected: an integer from 0 to 2147483647',
    );
  });

  it('leaves out what the problem does not have', () => {
    const problem = toProblem(404, 'Not Found', '{"title":"Not found","status":404,"detail":"No product 9."}', 'application/problem+json');
    expect(problem).toEqual({ title: 'Not found', status: 404, detail: 'No product 9.' });
    expect(problemLines(problem)).toEqual(['Not found (404)', 'No product 9.']);
  });

  it('names the status when the body is not JSON', () => {
    expect(toProblem(502, 'Bad Gateway', '<html>upstream</html>', 'text/html')).toEqual({ status: 502, title: 'Bad gateway', detail: '<html>upstream</html>' });
    expect(toProblem(418, '', '', null)).toEqual({ status: 418, title: 'HTTP 418' });
    expect(toProblem(500, 'Internal Server Error', '{not json', 'application/json')).toEqual({ status: 500, title: 'Server error', detail: '{not json' });
  });

  it('reads a Cognito-style error body too', () => {
    expect(toProblem(400, 'Bad Request', '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}', 'application/x-amz-json-1.1'))
      .toEqual({ status: 400, title: 'Bad request', detail: 'Incorrect username or password.' });
  });

  it('explains a request that got no answer', () => {
    const problem = networkProblem('http://127.0.0.1:8080/v1/me', new TypeError('Failed to fetch'));
    expect(problem.status).toBe(0);
    expect(problemLines(problem)[0]).toBe('The API did not answer');
    expect(problem.detail).toContain('http://127.0.0.1:8080/v1/me (Failed to fetch)');
  });

  it('carries the problem in an ApiError', () => {
    const error = new ApiError({ title: 'Not allowed', status: 403, detail: 'demo may not see emu data.' });
    expect(error.status).toBe(403);
    expect(error.message).toBe('Not allowed (403) — demo may not see emu data.');
    expect(asProblem(error)).toBe(error.problem);
    expect(asProblem(new Error('boom'))).toEqual({ title: 'Something went wrong', detail: 'boom' });
  });
});
