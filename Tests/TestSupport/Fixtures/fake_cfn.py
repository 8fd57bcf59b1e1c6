"""A local CloudFormation whose stack update rolls back (moto applies every update it accepts).

  fake_cfn.py rollback   stack "fake-stack" is UPDATE_COMPLETE; after UpdateStack it reports
                         UPDATE_ROLLBACK_COMPLETE, with a MainLambda UPDATE_FAILED event

  fake_cfn.py create-rollback   no stack "fake-stack" until CreateStack; then ROLLBACK_COMPLETE,
                         with a MainLambda CREATE_FAILED event (moto creates every stack it accepts)

Prints the port once listening; GET /__count returns the number of UpdateStack calls. Stops by
itself after 120 s.
"""
import http.server, sys, threading, urllib.parse

updates = 0
creates = 0
MODE = sys.argv[1] if len(sys.argv) > 1 else "rollback"
NS = 'xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"'
TEMPLATE = ('{"Resources": {"MainLambda": {"Type": "AWS::Lambda::Function", "Properties": '
            '{"Handler": "h", "Environment": {"Variables": {"AMI": "ami-1"}}}}}}')


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, body):
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        global updates, creates
        if self.path == "/__count":
            return self.reply(str(updates))
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode()) if length else {}
        action = (form.get("Action") or [""])[0]
        if MODE == "create-rollback" and action == "DescribeStacks" and not creates:
            self.send_response(400)
            data = (f'<ErrorResponse {NS}><Error><Type>Sender</Type><Code>ValidationError</Code>'
                    f'<Message>Stack with id fake-stack does not exist</Message></Error></ErrorResponse>').encode()
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return self.wfile.write(data)
        if MODE == "create-rollback" and action == "CreateStack":
            creates += 1
            return self.reply(f'<CreateStackResponse {NS}><CreateStackResult><StackId>arn:fake</StackId></CreateStackResult></CreateStackResponse>')
        if MODE == "create-rollback" and action == "DescribeStackEvents":
            return self.reply(f'<DescribeStackEventsResponse {NS}><DescribeStackEventsResult><StackEvents>'
                              f'<member><LogicalResourceId>fake-stack</LogicalResourceId><ResourceStatus>ROLLBACK_COMPLETE</ResourceStatus><Timestamp>t3</Timestamp></member>'
                              f'<member><LogicalResourceId>MainLambda</LogicalResourceId><ResourceStatus>CREATE_FAILED</ResourceStatus>'
                              f'<ResourceStatusReason>The runtime parameter of python3.7 is no longer supported for creating or updating AWS Lambda functions</ResourceStatusReason><Timestamp>t2</Timestamp></member>'
                              f'</StackEvents></DescribeStackEventsResult></DescribeStackEventsResponse>')
        if action == "DescribeStacks":
            status = "ROLLBACK_COMPLETE" if MODE == "create-rollback" else status_after_update()
            return self.reply(f'<DescribeStacksResponse {NS}><DescribeStacksResult><Stacks><member><StackName>fake-stack</StackName>'
                              f'<StackId>arn:fake</StackId><StackStatus>{status}</StackStatus></member></Stacks>'
                              f'</DescribeStacksResult></DescribeStacksResponse>')
        if action == "GetTemplate":
            body = TEMPLATE.replace('"', "&quot;")
            return self.reply(f'<GetTemplateResponse {NS}><GetTemplateResult><TemplateBody>{body}</TemplateBody>'
                              f'</GetTemplateResult></GetTemplateResponse>')
        if action == "UpdateStack":
            updates += 1
            return self.reply(f'<UpdateStackResponse {NS}><UpdateStackResult><StackId>arn:fake</StackId></UpdateStackResult></UpdateStackResponse>')
        if action == "DescribeStackEvents":
            return self.reply(f'<DescribeStackEventsResponse {NS}><DescribeStackEventsResult><StackEvents>'
                              f'<member><LogicalResourceId>fake-stack</LogicalResourceId><ResourceStatus>UPDATE_ROLLBACK_COMPLETE</ResourceStatus><Timestamp>t3</Timestamp></member>'
                              f'<member><LogicalResourceId>MainLambda</LogicalResourceId><ResourceStatus>UPDATE_FAILED</ResourceStatus>'
                              f'<ResourceStatusReason>Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit</ResourceStatusReason><Timestamp>t2</Timestamp></member>'
                              f'</StackEvents></DescribeStackEventsResult></DescribeStackEventsResponse>')
        return self.reply(f'<ErrorResponse><Error><Code>InvalidAction</Code><Message>{action}</Message></Error></ErrorResponse>')

    do_GET = do_POST = handle_any


def status_after_update():
    return "UPDATE_ROLLBACK_COMPLETE" if updates else "UPDATE_COMPLETE"


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Timer(120, server.shutdown).start()
server.serve_forever()
