// What the front refuses before a request reaches Payara Micro, for nginx's js module (njs 0.7):
// everything Payara's HTTP listener would refuse with a bare status line, so that the front can
// answer it with problem+json instead. Read by openpleb.conf (js_set $openpleb_refusal).

// RFC 9110 token characters: a header name of anything else is not HTTP.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Control characters other than horizontal tab, in a header value.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
// A percent escape that is malformed, or encodes a control character or a byte outside ASCII:
// the API's paths are ASCII, and Payara refuses such paths bare or decodes them badly.
const BAD_PATH_ESCAPE = /%(?![0-9A-Fa-f]{2})|%[01][0-9A-Fa-f]|%7[Ff]|%[89A-Fa-f][0-9A-Fa-f]/;
// A malformed percent escape anywhere in the URI (a query may carry UTF-8, a bank's name).
const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
// Payara refuses more than 100 header lines; nobody honest sends half of that.
const MAX_HEADERS = 64;

/** "" to pass the request on, else the status to refuse it with. */
function refusal(r) {
  // HTTP/0.9 has no headers to carry a status: its answer is the problem document alone
  if (r.httpVersion === '0.9') {
    return '400';
  }
  if (METHODS.indexOf(r.method) < 0) {
    return '405';
  }
  const raw = r.rawHeadersIn;
  if (raw.length > MAX_HEADERS) {
    return '400';
  }
  for (let i = 0; i < raw.length; i++) {
    if (!TOKEN.test(raw[i][0]) || CONTROL.test(raw[i][1])) {
      return '400';
    }
  }
  if (r.method === 'DELETE' && (r.headersIn['Transfer-Encoding'] !== undefined
      || Number(r.headersIn['Content-Length'] || '0') > 0)) {
    return '400';
  }
  const uri = r.variables.request_uri || '';
  const query = uri.indexOf('?');
  if (BAD_PATH_ESCAPE.test(query < 0 ? uri : uri.substring(0, query)) || MALFORMED_ESCAPE.test(uri)) {
    return '400';
  }
  return '';
}

export default { refusal };
