#!/usr/bin/env python3
"""Load test of `bereik serve` from a second process on loopback (Python standard library only).

    python3 bench/serve_load.py [--bereik .build/release/bereik] [--uploads 20] [--big-mb 100]

Starts `bereik serve` on a free loopback port with its own TMPDIR and the example project's CBS
tables, then at the same moment sends 20 uploads of the example and one of a ~100 MB file (the
example's rows repeated with new ids); checks every answer (the CSV's participant counts against
the example's: men 475, and 475 x copies for the large file), follows the server's resident memory
(peak, from /proc), and checks that the temporary directory is empty afterwards. Then the bad
uploads: 300 MB (over the 200 MB limit), empty, binary and wrong columns each get their Dutch
sentence, and the server still answers. Every loop is bounded; the server is stopped at the end.
Prints the numbers and exits 1 on any failure.
"""
import argparse, http.client, json, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None, timeout=900):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, dict(r.getheaders()), data


def token(port):
    page = request(port, "GET", "/")[2].decode()
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def form(fields, filename, content):
    boundary = "----load" + uuid.uuid4().hex[:12]
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="{filename}"\r\n'
                 'Content-Type: application/octet-stream\r\n\r\n'.encode())
    return b"".join(parts) + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def analyse(port, csrf, filename, content, area="Amsterdam"):
    body, content_type = form({"csrf": csrf, "gebied": area, "lang": "nl"}, filename, content)
    headers = {"Content-Type": content_type, "Accept": "application/json", "Origin": f"http://127.0.0.1:{port}"}
    started = time.time()
    status, _, data = request(port, "POST", "/analyse", body, headers)
    answer = json.loads(data or b"{}")
    csv = None
    if status == 200 and "url" in answer:
        rid = answer["url"].split("/")[2].split("?")[0]
        csv = request(port, "GET", f"/uitslag/{rid}/uitslag.csv?lang=nl")[2].decode()
    return time.time() - started, answer, csv


def rss_kb(pid, field="VmRSS"):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--bereik", default=os.path.join(ROOT, ".build/release/bereik"))
    a.add_argument("--uploads", type=int, default=20)
    a.add_argument("--big-mb", type=int, default=100)
    a.add_argument("--rss-limit-mb", type=int, default=1500, help="fail when the server's peak RSS is above this")
    args = a.parse_args()

    work = tempfile.mkdtemp(prefix="bereik-serve-load-")
    tmp = os.path.join(work, "tmp")
    os.makedirs(tmp, mode=0o700)
    example_path = os.path.join(ROOT, "Datasets/example/deelnemers_nieuw_west_2019.csv")
    with open(example_path, "rb") as f:
        example = f.read()
    header, *rows = [r for r in example.split(b"\n") if r]
    copies = max(1, (args.big_mb * 1024 * 1024) // len(example))
    big = bytearray(header + b"\n")
    for k in range(copies):
        suffix = b"-%d;" % k
        big += b"\n".join(r.replace(b";", suffix, 1) for r in rows) + b"\n"
    big = bytes(big)
    print(f"example {len(example) / 1e6:.2f} MB; large file {len(big) / 1e6:.1f} MB ({copies} copies with new ids)", flush=True)

    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([args.bereik, "serve", "--port", str(port),
                               "--population", os.path.join(ROOT, "Datasets/cbs/kwb2019_84583NED_amsterdam.csv"),
                               "--ses", os.path.join(ROOT, "Datasets/cbs/seswoa2019_85163NED_amsterdam.csv")],
                              stdout=log, stderr=log, env={**os.environ, "TMPDIR": tmp})
    peak = [0]
    watching = [True]

    def watch():
        while watching[0]:
            v = rss_kb(server.pid)
            if v:
                peak[0] = max(peak[0], v)
            time.sleep(0.05)
    watcher = threading.Thread(target=watch, daemon=True)
    try:
        for _ in range(300):
            try:
                if request(port, "GET", "/gezond", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        idle = rss_kb(server.pid)
        watcher.start()
        csrf = token(port)

        # 20 uploads of the example and one of the large file, all at once.
        results = {}
        start = threading.Barrier(args.uploads + 1)

        def run(name, content):
            start.wait()
            try:
                results[name] = analyse(port, csrf, name, content)
            except Exception as e:  # recorded, not raised: every upload is checked below
                results[name] = (None, {"message": f"{type(e).__name__}: {e}"}, None)
        threads = [threading.Thread(target=run, args=(f"voorbeeld-{i}.csv", example)) for i in range(args.uploads)]
        threads.append(threading.Thread(target=run, args=("groot.csv", big)))
        wall = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=1800)
        wall = time.time() - wall
        latencies = []
        for name, (seconds, answer, csv) in sorted(results.items()):
            expected = 475 * copies if name == "groot.csv" else 475
            if csv is None or f"gender;man;{expected};" not in csv:
                fail(f"{name}: no correct answer ({answer.get('message', answer)})")
            elif name != "groot.csv":
                latencies.append(seconds)
        if len(results) != args.uploads + 1:
            fail(f"{args.uploads + 1 - len(results)} uploads got no answer")
        big_seconds = results.get("groot.csv", (None,))[0]
        left = os.listdir(tmp)
        if left:
            fail(f"left in the temporary directory: {left}")

        # Bad uploads: each its Dutch sentence; the server keeps serving.
        bad = [("te-groot.bin", b"\0" * (300 * 1024 * 1024), "groter dan 200 MB"),
               ("leeg.csv", b"", "is leeg"),
               ("foto.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64, "geen CSV- of Excelbestand"),
               ("kolommen.csv", example.replace(b"deelnemer;", b"Wie;", 1), "geen kolom met deelnemers")]
        bad_seconds = {}
        for name, content, says in bad:
            seconds, answer, _ = analyse(port, token(port), name, content)
            bad_seconds[name] = seconds
            if says not in answer.get("message", ""):
                fail(f"{name}: expected '{says}', got {answer}")
        if request(port, "GET", "/gezond")[0] != 200:
            fail("the server stopped answering after the bad uploads")
        if os.listdir(tmp):
            fail(f"left in the temporary directory after the bad uploads: {os.listdir(tmp)}")
        hwm = rss_kb(server.pid, "VmHWM")
        watching[0] = False
        peak_mb = max(peak[0], hwm or 0) / 1024
        if peak_mb > args.rss_limit_mb:
            fail(f"peak RSS {peak_mb:.0f} MB is above {args.rss_limit_mb} MB")
        with open(os.path.join(work, "server.log")) as f:
            server_log = f.read()
        if "voorbeeld" in server_log or "D000001" in server_log or "groot.csv" in server_log:
            fail("the server log names a file or a person")

        latencies.sort()
        print(f"{args.uploads} example uploads + 1 of {len(big) / 1e6:.0f} MB at once: wall {wall:.1f} s", flush=True)
        if latencies:
            print(f"  example latency: median {statistics.median(latencies):.2f} s, "
                  f"p95 {latencies[int(0.95 * (len(latencies) - 1))]:.2f} s, max {latencies[-1]:.2f} s", flush=True)
        if big_seconds:
            print(f"  large file: {big_seconds:.1f} s (upload, analysis and CSV)", flush=True)
        print("  bad uploads: " + ", ".join(f"{n} {s:.2f} s" for n, s in bad_seconds.items()), flush=True)
        print(f"  server RSS: idle {(idle or 0) / 1024:.0f} MB, peak {peak_mb:.0f} MB (limit {args.rss_limit_mb} MB)", flush=True)
        print(f"  temporary directory afterwards: {len(os.listdir(tmp))} entries", flush=True)
    except Exception as e:
        fail(f"{type(e).__name__}: {e}")
    finally:
        watching[0] = False
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    print(f"serve load: {0 if failures else 1} passed, {1 if failures else 0} failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
