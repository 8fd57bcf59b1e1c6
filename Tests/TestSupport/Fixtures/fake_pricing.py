"""A local fake of the AWS Price List API (AWSPriceListService.GetProducts), on 127.0.0.1 only.

moto does not emulate the Price List API, so `bpctl plan --pricing live` is tested against this.
  fake_pricing.py TYPE=USD[,TYPE=USD...]   answer GetProducts for these instance types (any region)

Prints the port on stdout once listening. GET /__last returns the last request body. Stops by
itself after 120 s.
"""
import http.server, json, sys, threading

prices = dict(item.split("=", 1) for item in sys.argv[1].split(",") if item)
last = b""


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.reply(200, last)

    def do_POST(self):
        global last
        last = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.headers.get("X-Amz-Target") != "AWSPriceListService.GetProducts" or "Authorization" not in self.headers:
            return self.reply(400, json.dumps({"__type": "InvalidParameterException", "message": "bad request"}).encode())
        filters = {f["Field"]: f["Value"] for f in json.loads(last).get("Filters", [])}
        usd = prices.get(filters.get("instanceType", ""))
        items = []
        if usd:
            items.append(json.dumps({
                "product": {"attributes": {"instanceType": filters["instanceType"], "regionCode": filters.get("regionCode")}},
                "publicationDate": "2026-11-01T00:00:00Z",
                "terms": {"OnDemand": {"SKU.TERM": {"priceDimensions": {"SKU.TERM.DIM": {"unit": "Hrs", "pricePerUnit": {"USD": usd}}}}}},
            }))
        self.reply(200, json.dumps({"FormatVersion": "aws_v1", "PriceList": items}).encode())


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Timer(120, server.shutdown).start()
server.serve_forever()
