"""Local HTTP fakes for what moto cannot do, on 127.0.0.1 only.

  fake_server.py retry FAILURES STATUS CODE   answer FAILURES requests with STATUS (and an AWS
                                              error CODE, or "" for none), then a valid STS reply
  fake_server.py imds                         an IMDSv2 instance-metadata service with one role

Prints the port on stdout once listening. GET /__count returns the number of requests served
(other than /__count). Stops by itself after 120 s.
"""
import http.server, json, sys, threading

mode = sys.argv[1]
count = 0
STS_OK = (b'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>'
          b'<Arn>arn:aws:iam::111122223333:user/fake</Arn><UserId>AIDAFAKE</UserId><Account>111122223333</Account>'
          b'</GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>')


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, ctype="text/xml"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        global count
        if self.path == "/__count":
            return self.reply(200, str(count).encode(), "text/plain")
        count += 1
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if mode == "retry":
            failures, status, code = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
            if count <= failures:
                body = (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>try again</Message></Error>"
                        f"<RequestId>r-{count}</RequestId></ErrorResponse>").encode() if code else b"oops"
                return self.reply(status, body)
            return self.reply(200, STS_OK)
        if mode == "imds":
            if self.command == "PUT" and self.path == "/latest/api/token":
                return self.reply(200, b"TOKEN123", "text/plain")
            if self.headers.get("X-aws-ec2-metadata-token") != "TOKEN123":
                return self.reply(401, b"", "text/plain")
            if self.path == "/latest/meta-data/iam/security-credentials/":
                return self.reply(200, b"bpctl-role", "text/plain")
            if self.path == "/latest/meta-data/iam/security-credentials/bpctl-role":
                return self.reply(200, json.dumps({"Code": "Success", "AccessKeyId": "ASIAFAKEIMDS0001",
                                                   "SecretAccessKey": "imds-secret", "Token": "imds-token"}).encode(),
                                  "application/json")
            return self.reply(404, b"", "text/plain")

    do_GET = do_POST = do_PUT = handle_any


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Timer(120, server.shutdown).start()
server.serve_forever()
