/// The page's script and style sheet, served from this server (no external resources). The page
/// works without the script (a plain form post); with it, the file can be dropped, the area gets
/// suggestions, the upload shows its progress and a problem appears without leaving the page.
enum Assets {
    static let script = #"""
    (function () {
      'use strict';
      var form = document.getElementById('formulier');
      if (!form) { return; }
      var d = form.dataset;
      var input = document.getElementById('bestand');
      var drop = document.getElementById('dropzone');
      var chosen = document.getElementById('gekozen');
      var box = document.getElementById('melding');
      var boxText = document.getElementById('melding-tekst');
      var progress = document.getElementById('voortgang');
      var bar = document.getElementById('balk');
      var progressText = document.getElementById('voortgang-tekst');
      var columns = document.getElementById('kolommen');
      var button = document.getElementById('start');
      var area = document.getElementById('gebied');
      var list = document.getElementById('gebieden');

      function show(message) {
        boxText.textContent = message;
        box.hidden = false;
        box.focus();
      }
      function clear() { box.hidden = true; boxText.textContent = ''; }
      function done() { progress.hidden = true; button.disabled = false; button.removeAttribute('aria-busy'); }

      function fileChosen() {
        var f = input.files && input.files[0];
        chosen.textContent = f ? d.chosen + ' ' + f.name : '';
        // Another file has other columns: choose them again if needed.
        columns.hidden = true;
        columns.textContent = '';
        clear();
      }
      input.addEventListener('change', fileChosen);
      ['dragenter', 'dragover'].forEach(function (type) {
        drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
      });
      ['dragleave', 'drop'].forEach(function (type) {
        drop.addEventListener(type, function () { drop.classList.remove('over'); });
      });
      drop.addEventListener('drop', function (e) {
        e.preventDefault();
        if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; fileChosen(); }
      });

      var timer = null, asked = '';
      function suggest() {
        var q = area.value.trim();
        if (q.length < 2 || q === asked) { return; }
        asked = q;
        fetch('/gebieden?lang=' + encodeURIComponent(d.lang) + '&q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = '';
            items.forEach(function (item) {
              var option = document.createElement('option');
              option.value = item.value;
              option.label = item.label;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a help only */ });
      }
      area.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(suggest, 150); });

      form.addEventListener('submit', function (e) {
        e.preventDefault();
        clear();
        var f = input.files && input.files[0];
        if (!f) { show(d.noFile); input.focus(); return; }
        if (f.size === 0) { show(d.empty.replace('{bestand}', "'" + f.name + "'")); return; }
        if (f.size > Number(d.maxBytes)) { show(d.tooLarge); return; }
        if (!area.value.trim()) { show(d.noArea); area.focus(); return; }
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.responseType = 'json';
        progress.hidden = false;
        bar.value = 0;
        progressText.textContent = d.uploading;
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        xhr.upload.addEventListener('progress', function (ev) {
          if (ev.lengthComputable) {
            var percent = Math.round(100 * ev.loaded / ev.total);
            bar.value = percent;
            progressText.textContent = d.uploading + ' ' + percent + '%';
          }
        });
        xhr.upload.addEventListener('load', function () { bar.removeAttribute('value'); progressText.textContent = d.analysing; });
        xhr.onload = function () {
          var r = xhr.response;
          if (xhr.status === 200 && r && r.url) { window.location.assign(r.url); return; }
          done();
          if (r && r.csrf) { form.elements.csrf.value = r.csrf; }
          if (r && r.columns) { columns.innerHTML = r.columns; columns.hidden = false; }
          show(r && r.message ? r.message : d.unexpected);
        };
        xhr.onerror = function () { done(); show(d.unexpected); };
        xhr.send(new FormData(form));
      });
    })();
    """#

    static let style = #"""
    body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 52em; margin: 0 auto 3em; padding: 0 1em; color: #111; line-height: 1.5; background: #fff; }
    .bar { display: flex; justify-content: space-between; align-items: center; border-bottom: 3px solid #0072B2; margin-bottom: 1em; }
    .bar p { margin: .6em 0; } .brand a { font-weight: bold; font-size: 1.2em; color: #003f63; text-decoration: none; }
    a { color: #00578a; } a:focus, button:focus, input:focus, select:focus, summary:focus, [tabindex]:focus { outline: 3px solid #b35900; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1em; top: .5em; background: #fff; padding: .3em; }
    h1 { font-size: 1.6em; } .tagline { font-size: 1.1em; font-weight: 600; }
    fieldset { border: 1px solid #888; margin: 1.2em 0; padding: .6em 1em 1em; } legend { font-weight: bold; font-size: 1.1em; padding: 0 .3em; }
    label { display: block; font-weight: 600; margin: .6em 0 .2em; } .period label { display: inline-block; margin-right: .4em; }
    input[type=text], select { font-size: 1em; padding: .35em; width: 100%; max-width: 34em; box-sizing: border-box; border: 1px solid #555; }
    input[type=date] { font-size: 1em; padding: .3em; border: 1px solid #555; }
    .hint { color: #333; font-size: .92em; margin: .2em 0; }
    .drop { border: 2px dashed #0072B2; padding: .6em 1em; border-radius: 6px; } .drop.over { background: #e6f2fa; }
    button { font-size: 1.1em; padding: .55em 1.2em; background: #0072B2; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
    button[disabled] { background: #777; }
    progress { width: 100%; max-width: 34em; height: 1.2em; }
    .problem { border-left: 6px solid #b30000; background: #fdecea; padding: .3em 1em; margin: 1em 0; } .problem h2 { font-size: 1.1em; margin: .4em 0; }
    .privacy { font-size: .9em; color: #333; border-top: 1px solid #bbb; padding-top: .6em; }
    .columns p { margin: .3em 0; }
    nav.downloads { border: 1px solid #0072B2; padding: .2em 1em .6em; margin: 1em 0; } nav.downloads h2 { font-size: 1.1em; margin: .4em 0; border: 0; }
    nav.downloads ul { display: flex; flex-wrap: wrap; gap: .4em 1.4em; list-style: none; padding: 0; margin: .3em 0; }
    dl.used div { display: flex; gap: .6em; } dl.used dt { font-weight: 600; } dl.used dd { margin: 0; }
    @media print { .bar, nav.downloads { display: none; } }
    """#
}
