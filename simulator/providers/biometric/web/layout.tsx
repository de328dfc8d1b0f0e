import type { ComponentChildren } from 'preact';
import { htmlLang, type Locale, t } from './i18n.js';
import { PAGE_SCRIPT } from './page-script.js';

const STYLE = `
body{margin:0;font:16px/1.45 system-ui,sans-serif;background:#f3f5f9;color:#1c2430}
header{background:#0b5cab;color:#fff;padding:12px 20px;font-weight:600}
main{max-width:480px;margin:24px auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 2px 8px #0002}
.web-view main{margin:0 auto;border-radius:0;box-shadow:none;min-height:100vh;box-sizing:border-box}
h1{font-size:1.3em;margin:0 0 8px}.muted{color:#5b6675;font-size:.9em}
ol.steps{display:flex;gap:6px;padding:0;list-style:none;margin:0 0 16px}
ol.steps li{flex:1;height:6px;border-radius:3px;background:#d5dbe5}ol.steps li.done{background:#2b9a5a}
ol.steps li.current{background:#0b5cab}ol.steps li.skipped{background:#eee}
.frame{border:3px dashed #0b5cab;border-radius:50%;width:180px;height:220px;margin:16px auto;display:grid;place-items:center;color:#0b5cab}
.frame.document{border-radius:12px;width:280px;height:170px}
.frame{position:relative;overflow:hidden}.frame video{position:absolute;inset:0;width:100%;height:100%;object-fit:cover}
.reference{display:block;max-width:160px;max-height:200px;margin:12px auto;border-radius:8px}
label{display:block;margin:12px 0 4px;font-weight:500}
input{width:100%;box-sizing:border-box;padding:10px;font-size:1em;border:1px solid #b7c0cc;border-radius:8px}
input[readonly]{background:#eef1f5;color:#5b6675}
button{margin-top:16px;width:100%;padding:12px;font-size:1em;border:0;border-radius:8px;background:#0b5cab;color:#fff;cursor:pointer}
button:disabled{background:#9fb3c8}.error{color:#b3261e;margin:8px 0}
details{margin-top:24px;border-top:1px solid #e1e5ec;padding-top:12px}
details button{background:#5b6675}select{width:100%;padding:8px;font-size:1em}
`;

export function Layout(props: {
  locale: Locale;
  webView: boolean;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <html lang={htmlLang(props.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body class={props.webView ? 'web-view' : ''}>
        {props.webView ? null : <header>{t(props.locale, 'title')} · kyc-sim</header>}
        <main>{props.children}</main>
        <script dangerouslySetInnerHTML={{ __html: PAGE_SCRIPT }} />
      </body>
    </html>
  );
}

export function ErrorPage(props: {
  locale: Locale;
  webView: boolean;
  kind: 'notFound' | 'used' | 'expired';
}) {
  const { locale, kind } = props;
  const title = t(locale, kind);
  return (
    <Layout locale={locale} webView={props.webView} title={title}>
      <h1 data-error={kind}>{title}</h1>
      <p>{t(locale, `${kind}Text`)}</p>
    </Layout>
  );
}
