#!/usr/bin/env python3
"""Drives `bereik serve` in real headless Chromium over the DevTools protocol (Python standard
library only: a minimal WebSocket client), as a project coordinator would use the page.

    serve_browser.py --chromium /usr/bin/chromium --example-url http://127.0.0.1:PORT \
        --bundled-url http://127.0.0.1:PORT2 --example deelnemers.csv --workbook rotterdam.xlsx --work DIR

--example-url serves with the example project's CBS tables (Amsterdam 2019), --bundled-url with
the bundled CBS 2024 table. Fails (exit 1, a line per failure) on any console error, uncaught
exception or request outside the server; prints "browser: N checks passed" at the end.
"""
import argparse, base64, json, os, re, shutil, socket, struct, subprocess, sys, time

failures, checks = [], 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL: " + what, flush=True)


class WebSocket:
    def __init__(self, url):
        m = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        host, port, path = m.group(1), int(m.group(2)), m.group(3)
        self.sock = socket.create_connection((host, port), timeout=120)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise EOFError("handshake")
            buf += chunk
        head, self.rest = buf.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("no WebSocket: " + head.decode(errors="replace"))

    def send(self, text):
        data = text.encode()
        n = len(data)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
                                  bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else
                                  bytes([0x80 | 127]) + struct.pack(">Q", n))
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i & 3] for i, b in enumerate(data))
        self.sock.sendall(header + mask + masked)

    def _read(self, n):
        while len(self.rest) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise EOFError("closed")
            self.rest += chunk
        out, self.rest = self.rest[:n], self.rest[n:]
        return out

    def recv(self):
        message = b""
        while True:
            b1, b2 = self._read(2)
            opcode, n = b1 & 0x0F, b2 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            if opcode == 8:
                raise EOFError("closed by the browser")
            if opcode in (9, 10):
                continue
            message += payload
            if b1 & 0x80:
                return message.decode()


class Browser:
    def __init__(self, chromium, work):
        self.profile = os.path.join(work, "profile")
        self.downloads = os.path.join(work, "downloads")
        os.makedirs(self.downloads, exist_ok=True)
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
             "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-sync",
             "--disable-component-update", "--disable-extensions", "--window-size=1200,900", "about:blank"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        url, deadline = None, time.time() + 60
        while time.time() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m:
                url = m.group(1)
                break
        if not url:
            raise RuntimeError("Chromium did not start")
        self.ws = WebSocket(url)
        self.next_id, self.events = 0, []
        self.console, self.external = [], []
        self.allowed = []
        page = next(t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        self.call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": self.downloads, "eventsEnabled": True})
        for domain in ["Page", "Runtime", "Log", "Network", "DOM"]:
            self.call(domain + ".enable", session=True)

    def handle(self, event):
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
            self.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            self.console.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:500])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            self.console.append("log: " + params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not (url.startswith(("data:", "blob:", "about:")) or any(url.startswith(a) for a in self.allowed)):
                self.external.append(url)
        self.events.append(event)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.handle(reply)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session=True)
        if "exceptionDetails" in result:
            return None
        return result.get("result", {}).get("value")

    def wait(self, expression, seconds=300, what=""):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:
                value = None  # during a navigation
            if value:
                return value
            self.call("Runtime.evaluate", {"expression": "1"}, session=True)
            time.sleep(0.2)
        raise TimeoutError(f"waited {seconds} s for {what or expression}")

    def open(self, url):
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait("document.readyState === 'complete' && !!document.getElementById('formulier')", what="the form")

    def choose_file(self, path):
        root = self.call("DOM.getDocument", session=True)["root"]["nodeId"]
        node = self.call("DOM.querySelector", {"nodeId": root, "selector": "#bestand"}, session=True)["nodeId"]
        self.call("DOM.setFileInputFiles", {"files": [path], "nodeId": node}, session=True)

    def type_into(self, selector, text):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", {"text": text}, session=True)

    def download(self, link_id, name_suffix):
        # Chromium overwrites a file of the same name: start from an empty folder.
        for f in os.listdir(self.downloads):
            os.remove(os.path.join(self.downloads, f))
        before = set()
        self.evaluate(f"document.getElementById({json.dumps(link_id)}).click()")
        deadline = time.time() + 600
        while time.time() < deadline:
            self.call("Runtime.evaluate", {"expression": "1"}, session=True)
            new = [f for f in set(os.listdir(self.downloads)) - before if f.endswith(name_suffix) and not f.endswith(".crdownload")]
            if new:
                path = os.path.join(self.downloads, new[0])
                time.sleep(0.3)
                with open(path, "rb") as f:
                    return f.read()
            time.sleep(0.2)
        raise TimeoutError("download " + link_id)

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def submit_and_wait(b):
    b.evaluate("document.getElementById('start').click()")
    return b.wait("(location.pathname.startsWith('/uitslag/') && document.readyState === 'complete' && !!document.querySelector('ul.summary'))"
                  " ? 'answer' : (!document.getElementById('melding') || document.getElementById('melding').hidden ? '' : 'problem')",
                  seconds=900, what="an answer or a message")


def write_xlsx(rows, path):
    """A minimal Excel workbook (inline strings), made with the standard library only."""
    import zipfile
    from xml.sax.saxutils import escape

    def column(i):
        name = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            name = chr(65 + r) + name
        return name
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        cells = "".join(f'<c r="{column(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for c, v in enumerate(row))
        sheet.append(f'<row r="{r}">{cells}</row>')
    sheet.append("</sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Deelnemers" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--chromium", required=True)
    a.add_argument("--example-url", required=True)
    a.add_argument("--bundled-url", required=True)
    a.add_argument("--example", required=True)
    a.add_argument("--workbook", required=True)
    a.add_argument("--work", required=True)
    args = a.parse_args()
    work = args.work
    os.makedirs(work, exist_ok=True)

    # Bad files, made here: a PNG, and the example with its person column renamed.
    png = os.path.join(work, "foto.png")
    with open(png, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    renamed = os.path.join(work, "andere_kolommen.csv")
    with open(args.example, encoding="utf-8") as f:
        lines = f.read().split("\n")
    workbook = os.path.join(work, "deelnemers_nieuw_west_2019.xlsx")
    write_xlsx([line.split(";") for line in lines if line], workbook)
    lines[0] = lines[0].replace("deelnemer;", "Wie;", 1)
    with open(renamed, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

    b = Browser(args.chromium, work)
    b.allowed = [args.example_url, args.bundled_url]
    try:
        # 1. The example CSV, the area typed by name, Dutch page.
        b.open(args.example_url + "/")
        check(b.evaluate("document.documentElement.lang") == "nl", "the page is Dutch by default")
        check(b.evaluate("!!document.querySelector('label[for=bestand]') && !!document.querySelector('label[for=gebied]')"),
              "the file and area fields have labels")
        b.choose_file(args.example)
        check("deelnemers_nieuw_west_2019.csv" in (b.evaluate("document.getElementById('gekozen').textContent") or ""), "the chosen file is named")
        b.type_into("#gebied", "Amsterdam")
        check(submit_and_wait(b) == "answer", "the example gives an answer")
        summary = b.evaluate("document.querySelector('ul.summary').innerText") or ""
        check("Minder bereikt dan hun aandeel" in summary and "mannen" in summary and "0-14 jaar" in summary,
              "the summary names the under-reached groups (mannen, 0-14 jaar): " + summary[:300])
        check("Wie missen we, en waar?" in (b.evaluate("document.body.innerText") or ""), "the page says who is missed and where")
        check((b.evaluate("document.querySelectorAll('#uitslag svg').length") or 0) >= 5, "the report's charts are on the page")
        check((b.evaluate("document.querySelectorAll('#uitslag table').length") or 0) >= 4, "the report's tables are on the page")
        csv = b.download("download-uitslag-csv", ".csv").decode("utf-8")
        check(csv.startswith("dimension;group;participants") and "gender;man;475;" in csv, "the CSV download holds the comparison")
        html = b.download("download-rapport-html", ".html").decode("utf-8")
        check("Content-Security-Policy" in html and "Wie missen we, en waar?" in html, "the HTML report downloads")
        if b.evaluate("!!document.getElementById('download-rapport-pdf')"):
            pdf = b.download("download-rapport-pdf", ".pdf")
            check(pdf.startswith(b"%PDF"), "the PDF report downloads")

        # 2. English switch.
        b.evaluate("document.querySelector('.lang a').click()")
        b.wait("document.documentElement.lang === 'en' && !!document.querySelector('ul.summary')", what="the English answer")
        check("Reached less than their share" in (b.evaluate("document.querySelector('ul.summary').innerText") or "") or
              "men" in (b.evaluate("document.querySelector('ul.summary').innerText") or ""), "the answer switches to English")

        # 3. A binary file: a Dutch message on the page, and the page keeps working.
        b.open(args.example_url + "/")
        b.choose_file(png)
        b.type_into("#gebied", "Amsterdam")
        check(submit_and_wait(b) == "problem", "a PNG gives a message")
        message = b.evaluate("document.getElementById('melding-tekst').textContent") or ""
        check("geen CSV- of Excelbestand" in message, "the PNG message is Dutch and says what to do: " + message)
        check(b.evaluate("document.activeElement && document.activeElement.id") == "melding", "the message gets the focus (screen readers read it)")

        # 4. Columns not recognised: the message, the columns to choose, then the answer.
        b.choose_file(renamed)
        check(submit_and_wait(b) == "problem", "unrecognised columns give a message")
        message = b.evaluate("document.getElementById('melding-tekst').textContent") or ""
        check("geen kolom met deelnemers" in message, "the column message is Dutch: " + message)
        check(b.evaluate("!document.getElementById('kolommen').hidden && !!document.getElementById('kolom-person')"), "the column choice is shown")
        options = b.evaluate("Array.from(document.querySelectorAll('#kolom-person option')).map(o => o.value)") or []
        check("Wie" in options, "the person column can be chosen from the file's headers")
        check(b.evaluate("document.getElementById('kolom-gender').value") == "geslacht", "recognised columns are preselected")
        b.evaluate("document.getElementById('kolom-person').value = 'Wie'")
        check(submit_and_wait(b) == "answer", "with the person column chosen the file gives an answer")
        check("Wie" in (b.evaluate("document.querySelector('dl.used').textContent") or ""), "the answer shows the columns used")

        # 5. The example as an Excel workbook: the same answer as the CSV.
        b.open(args.example_url + "/")
        b.choose_file(workbook)
        b.type_into("#gebied", "Amsterdam")
        check(submit_and_wait(b) == "answer", "the Excel workbook gives an answer")
        csv = b.download("download-uitslag-csv", ".csv").decode("utf-8")
        check("gender;man;475;" in csv, "the workbook's CSV has the CSV's counts")

        # 6. Suggestions from the bundled CBS table: the name with its code; a workbook with only
        # four-digit postcodes gets the pipeline's Dutch sentence on what to do.
        b.allowed = [args.bundled_url, args.example_url]
        b.open(args.bundled_url + "/")
        b.choose_file(args.workbook)
        b.type_into("#gebied", "Rotterdam")
        value = b.wait("Array.from(document.querySelectorAll('#gebieden option')).map(o => o.value).find(v => v.endsWith('(GM0599)'))",
                       what="the suggestion Rotterdam (GM0599)")
        check(value == "Rotterdam (GM0599)", "the suggestion gives the name with its code: " + str(value))
        b.evaluate(f"document.getElementById('gebied').value = {json.dumps(value)}")
        check(submit_and_wait(b) == "problem", "the postcode-only workbook gives a message")
        message = b.evaluate("document.getElementById('melding-tekst').textContent") or ""
        check("van geen van de 27 personen is de buurt bekend" in message, "the message comes from the pipeline, in Dutch: " + message[:200])

        b.call("Runtime.evaluate", {"expression": "1"}, session=True)
        console, external = list(b.console), list(b.external)
        # The two checks below can fail: an image from outside is seen (and refused by the CSP).
        b.evaluate("(() => { const i = new Image(); i.src = 'http://example.invalid/x.png'; document.body.appendChild(i); return 1; })()")
        time.sleep(1)
        b.call("Runtime.evaluate", {"expression": "1"}, session=True)
        check(len(b.console) > len(console) or len(b.external) > len(external), "an outside request would be noticed")
        b.console, b.external = console, external
        check(not b.console, "no console errors or warnings: " + "; ".join(b.console)[:1000])
        check(not b.external, "no requests outside the server: " + ", ".join(b.external)[:1000])
    except Exception as e:  # a step that could not run is a failure, with what happened
        failures.append(f"{type(e).__name__}: {e}")
        print("FAIL: " + failures[-1], flush=True)
    finally:
        b.close()
        shutil.rmtree(os.path.join(work, "profile"), ignore_errors=True)
    print(f"browser: {checks - len([f for f in failures])} checks passed, {len(failures)} failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
