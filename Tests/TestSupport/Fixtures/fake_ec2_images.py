"""A local EC2 for image states moto cannot produce (moto makes every image `available` at once).

  fake_ec2_images.py failed    CreateImage succeeds; the image is `pending`, then `failed` with a
                               state reason
  fake_ec2_images.py pending   the image stays `pending` forever (for timeouts)

Also answers GetCallerIdentity and DescribeInstances (one instance, i-0fa1e0000000000aa).
Prints the port once listening; GET /__count returns the number of CreateImage calls. Stops
by itself after 120 s.
"""
import http.server, sys, threading, urllib.parse

mode = sys.argv[1]
creates = 0
describes = 0
IMAGE = "ami-0fa1ed00000000000"
STS_OK = (b'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>'
          b'<Arn>arn:aws:iam::111122223333:user/fake</Arn><UserId>AIDAFAKE</UserId><Account>111122223333</Account>'
          b'</GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>')
NS = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"'


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
        global creates, describes
        if self.path == "/__count":
            return self.reply(200, str(creates).encode(), "text/plain")
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode()) if length else {}
        action = (form.get("Action") or [""])[0]
        if action == "GetCallerIdentity":
            return self.reply(200, STS_OK)
        if action == "DescribeInstances":
            return self.reply(200, (f'<DescribeInstancesResponse {NS}><reservationSet><item><instancesSet><item>'
                                    f'<instanceId>i-0fa1e0000000000aa</instanceId><instanceState><name>running</name></instanceState>'
                                    f'<instanceType>t2.micro</instanceType><imageId>ami-base</imageId></item></instancesSet></item>'
                                    f'</reservationSet></DescribeInstancesResponse>').encode())
        if action == "CreateImage":
            creates += 1
            return self.reply(200, f'<CreateImageResponse {NS}><imageId>{IMAGE}</imageId></CreateImageResponse>'.encode())
        if action == "DescribeImages":
            describes += 1
            state, reason = "pending", ""
            if mode == "failed" and describes > 1:
                state = "failed"
                reason = ('<stateReason><code>Client.InternalError</code>'
                          '<message>Client error on snapshot: volume vol-0abc is in use</message></stateReason>')
            return self.reply(200, (f'<DescribeImagesResponse {NS}><imagesSet><item><imageId>{IMAGE}</imageId>'
                                    f'<imageState>{state}</imageState>{reason}<name>x</name></item></imagesSet>'
                                    f'</DescribeImagesResponse>').encode())
        return self.reply(400, f'<Response><Errors><Error><Code>InvalidAction</Code><Message>{action}</Message></Error></Errors></Response>'.encode())

    do_GET = do_POST = handle_any


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Timer(120, server.shutdown).start()
server.serve_forever()
