<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AddMenus</name>
    <message>
        <source>Add to &amp;Playlist</source>
        <translation>プレイリストに追加(&amp;P)</translation>
    </message>
    <message>
        <source>New Playlist</source>
        <translation>新しいプレイリスト</translation>
    </message>
</context>
<context>
    <name>AlternatesDialog</name>
    <message>
        <source>Choose an alternate</source>
        <translation>代替曲を選ぶ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Track {n} of {total}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{total} 曲中 {n} 曲目&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Choose a track to take its place. Arrow keys move, P plays a short preview, Enter takes the highlighted track, Esc cancels.</source>
        <translation>代わりの曲を選んでください。矢印キーで移動、P で短い試聴、Enter で選択中の曲に決定、Esc でキャンセルします。</translation>
    </message>
    <message>
        <source>Choose a track to take its place. Your policy covers a price difference of up to {limit}. Arrow keys move, P plays a short preview, Enter takes the highlighted track, Esc cancels.</source>
        <translation>代わりの曲を選んでください。保険契約は {limit} までの価格差を補償します。矢印キーで移動、P で短い試聴、Enter で選択中の曲に決定、Esc でキャンセルします。</translation>
    </message>
    <message>
        <source>{n} alternate</source>
        <translation>代替曲 {n} 曲</translation>
    </message>
    <message>
        <source>{n} alternates</source>
        <translation>代替曲 {n} 曲</translation>
    </message>
    <message>
        <source>Searching again…</source>
        <translation>再検索しています…</translation>
    </message>
    <message>
        <source>No alternates in that genre.</source>
        <translation>そのジャンルには代替曲がありません。</translation>
    </message>
    <message>
        <source>Take this track?</source>
        <translation>この曲にしますか？</translation>
    </message>
    <message>
        <source>Take “{title}” by {artist} in place of “{lost}”?</source>
        <translation>「{lost}」の代わりに {artist} の「{title}」にしますか？</translation>
    </message>
    <message>
        <source>From {provider}: {price}, {difference}, at no charge to you. It counts as one replacement under your policy, and the lost copy stops playing. The choice is final.</source>
        <translation>配信元は {provider}、価格は {price}（{difference}）で、お支払いは不要です。保険契約の交換 1 回として数えられ、紛失した曲は再生できなくなります。この選択は取り消せません。</translation>
    </message>
    <message>
        <source>Take this track</source>
        <translation>この曲にする</translation>
    </message>
    <message>
        <source>Getting “{title}” from {provider}…</source>
        <translation>{provider} から「{title}」を取得しています…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}.&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;{title}。&lt;/b&gt;{text}</translation>
    </message>
</context>
<context>
    <name>AlternatesPages</name>
    <message>
        <source>Any genre</source>
        <translation>すべてのジャンル</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>アーティスト</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>配信元</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>ジャンル</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>価格差</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>近さ</translation>
    </message>
    <message>
        <source>Same artist</source>
        <translation>同じアーティスト</translation>
    </message>
    <message>
        <source>Same album</source>
        <translation>同じアルバム</translation>
    </message>
    <message>
        <source>Same genre</source>
        <translation>同じジャンル</translation>
    </message>
    <message>
        <source>The track you lost</source>
        <translation>紛失した曲</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>タイトル：</translation>
    </message>
    <message>
        <source>Artist:</source>
        <translation>アーティスト：</translation>
    </message>
    <message>
        <source>Album:</source>
        <translation>アルバム：</translation>
    </message>
    <message>
        <source>Genre:</source>
        <translation>ジャンル：</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>配信元：</translation>
    </message>
    <message>
        <source>Price paid:</source>
        <translation>支払った価格：</translation>
    </message>
    <message>
        <source>Why not re-issued:</source>
        <translation>再発行できない理由：</translation>
    </message>
    <message>
        <source>Search alternates in genre</source>
        <translation>代替曲を探すジャンル</translation>
    </message>
    <message>
        <source>Alternates offered</source>
        <translation>提示された代替曲</translation>
    </message>
    <message>
        <source>Download of the chosen track</source>
        <translation>選んだ曲のダウンロード</translation>
    </message>
    <message>
        <source>Take this track</source>
        <translation>この曲にする</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>後で選ぶ</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>試聴</translation>
    </message>
    <message>
        <source>“{title}”: no choice made yet; it is still waiting for one.</source>
        <translation>「{title}」：まだ選ばれていません。選択を待っています。</translation>
    </message>
    <message>
        <source>“{title}” is replaced by “{new}” by {artist} ({provider}). It is in your library, ready to play.</source>
        <translation>「{title}」は {artist} の「{new}」（{provider}）に置き換えられました。ライブラリに入っており、すぐに再生できます。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>no display (DISPLAY and WAYLAND_DISPLAY unset); start it in a desktop session or set QT_QPA_PLATFORM=offscreen</source>
        <translation>ディスプレイがありません（DISPLAY と WAYLAND_DISPLAY が未設定です）。デスクトップのセッションで起動するか、QT_QPA_PLATFORM=offscreen を設定してください。</translation>
    </message>
</context>
<context>
    <name>AudioCover</name>
    <message>
        <source>Insure the Audio with {insurer}…</source>
        <translation>{insurer} で音源に保険をかける…</translation>
    </message>
    <message>
        <source>The audio of {n} track is now insured with {insurer}.</source>
        <translation>{n} 曲の音源に {insurer} の保険がかかりました。</translation>
    </message>
    <message>
        <source>The audio of {n} tracks is now insured with {insurer}.</source>
        <translation>{n} 曲の音源に {insurer} の保険がかかりました。</translation>
    </message>
    <message>
        <source>{track}: {why}</source>
        <translation>{track}: {why}</translation>
    </message>
    <message>
        <source>Insure the Audio</source>
        <translation>音源に保険をかける</translation>
    </message>
</context>
<context>
    <name>BuyingView</name>
    <message>
        <source>Buying…</source>
        <translation>購入中…</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>購入済み</translation>
    </message>
    <message>
        <source>Buy insured…</source>
        <translation>保険付きで購入…</translation>
    </message>
    <message>
        <source>Buying needs a connection to the insurer: Retry, or wait until it answers.</source>
        <translation>購入には保険会社への接続が必要です。再試行するか、応答があるまでお待ちください。</translation>
    </message>
    <message>
        <source>“{title}” is already in your library</source>
        <translation>「{title}」はすでにライブラリにあります</translation>
    </message>
    <message>
        <source>An insured track is bought once; if it is lost, report the loss and it is re-issued.</source>
        <translation>保険付きの曲の購入は 1 回だけです。紛失したときは紛失を報告すると再発行されます。</translation>
    </message>
    <message>
        <source>“{title}” is not sold at the moment</source>
        <translation>「{title}」は現在販売されていません</translation>
    </message>
    <message>
        <source>{provider} does not offer it now.</source>
        <translation>{provider} は現在この曲を提供していません。</translation>
    </message>
    <message>
        <source>Buy insured</source>
        <translation>保険付きで購入</translation>
    </message>
    <message>
        <source>Buy “{title}” by {artist}, insured?</source>
        <translation>{artist} の「{title}」を保険付きで購入しますか？</translation>
    </message>
    <message>
        <source>Price: {price} ({provider})
Insurance premium: {premium}
Together: {together}

If the track or its license is lost, the insurer re-distributes it under your policy.</source>
        <translation>価格：{price}（{provider}）
保険料：{premium}
合計：{together}

曲やそのライセンスを紛失したときは、保険契約に基づいて保険会社が再配布します。</translation>
    </message>
    <message>
        <source>Pay at the checkout of {provider}</source>
        <translation>{provider} のレジで支払う</translation>
    </message>
    <message>
        <source>{provider} sells it and asks your insurer to insure it: the same cover, with the receipt from {provider}</source>
        <translation>{provider} が販売し、保険会社に保険を依頼します。補償は同じで、領収書は {provider} から発行されます</translation>
    </message>
    <message>
        <source>Buy without insurance</source>
        <translation>保険なしで購入</translation>
    </message>
    <message>
        <source>Buy “{title}” by {artist} from {provider}, without insurance?</source>
        <translation>{artist} の「{title}」を {provider} から保険なしで購入しますか？</translation>
    </message>
    <message>
        <source>Price: {price}, no premium.

If the track or its license is lost, nothing re-distributes it. You can insure it later from your library (premium now {premium}).</source>
        <translation>価格：{price}（保険料なし）

曲やそのライセンスを紛失しても再配布されません。後からライブラリで保険をかけられます（現在の保険料 {premium}）。</translation>
    </message>
    <message>
        <source>Buying “{title}”…</source>
        <translation>「{title}」を購入しています…</translation>
    </message>
    <message>
        <source>Downloading “{title}” — %p%</source>
        <translation>「{title}」をダウンロード中 — %p%</translation>
    </message>
    <message>
        <source>Done: “{title}” is in your library</source>
        <translation>完了：「{title}」がライブラリに入りました</translation>
    </message>
    <message>
        <source>Buy {n} insured…</source>
        <translation>{n} 曲を保険付きで購入…</translation>
    </message>
    <message>
        <source>Insure…</source>
        <translation>保険をかける…</translation>
    </message>
    <message>
        <source>Paid {price} and a premium of {premium}. It is in your library and plays from there.</source>
        <translation>{price} と保険料 {premium} を支払いました。ライブラリに入っており、そこから再生できます。</translation>
    </message>
    <message>
        <source>Paid {price} and a premium of {premium} at the checkout of {provider}. It is in your library and plays from there.</source>
        <translation>{provider} のレジで {price} と保険料 {premium} を支払いました。ライブラリに入っており、そこから再生できます。</translation>
    </message>
    <message>
        <source>“{title}” is yours, insured</source>
        <translation>「{title}」を保険付きで購入しました</translation>
    </message>
    <message>
        <source>“{title}” is yours, not insured</source>
        <translation>「{title}」を保険なしで購入しました</translation>
    </message>
    <message>
        <source>Paid {price} to {provider}. It is in your library and plays from there; insure it later from the library (Insure…).</source>
        <translation>{provider} に {price} を支払いました。ライブラリに入っており、そこから再生できます。保険は後からライブラリでかけられます（保険をかける…）。</translation>
    </message>
    <message>
        <source>Take out insurance first</source>
        <translation>先に保険に加入してください</translation>
    </message>
    <message>
        <source>Buying insured needs an account and an insurance policy. Sign in and accept the terms, then buy again.</source>
        <translation>保険付きの購入にはアカウントと保険契約が必要です。サインインして規約に同意してから、もう一度購入してください。</translation>
    </message>
    <message>
        <source>Get insured…</source>
        <translation>保険に加入…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Downloading “{title}” ({n} of {total}) — %p%</source>
        <translation>「{title}」をダウンロード中（{total} 曲中 {n} 曲目）— %p%</translation>
    </message>
    <message>
        <source>Buying “{title}” ({n} of {total})…</source>
        <translation>「{title}」を購入しています（{total} 曲中 {n} 曲目）…</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>アーティスト</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>アルバム</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>ジャンル</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>配信元</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>保険料</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>販売状況</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>購入済み</translation>
    </message>
    <message>
        <source>Owned, not insured</source>
        <translation>購入済み（保険なし）</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>販売中</translation>
    </message>
    <message>
        <source>Not sold now</source>
        <translation>現在販売なし</translation>
    </message>
    <message>
        <source>Supplier not answering</source>
        <translation>販売元が応答していません</translation>
    </message>
    <message>
        <source>Downloading {percent}%</source>
        <translation>ダウンロード中 {percent}%</translation>
    </message>
    <message>
        <source>Sold by {provider}</source>
        <translation>販売：{provider}</translation>
    </message>
    <message>
        <source>Price {price} + insurance premium {premium}</source>
        <translation>価格 {price} + 保険料 {premium}</translation>
    </message>
    <message>
        <source>In your library, bought without insurance: choose Insure… to insure it</source>
        <translation>ライブラリにあります（保険なしで購入）。「保険をかける…」で保険をかけられます</translation>
    </message>
    <message>
        <source>In your library, insured</source>
        <translation>ライブラリにあります（保険付き）</translation>
    </message>
    <message>
        <source>The provider does not sell this track at the moment</source>
        <translation>配信元は現在この曲を販売していません</translation>
    </message>
</context>
<context>
    <name>CatalogPreparing</name>
    <message>
        <source>Catalog preparation</source>
        <translation>カタログの準備</translation>
    </message>
    <message>
        <source>The catalog is being prepared… {ready} of {n} track</source>
        <translation>カタログを準備しています… {n} 曲中 {ready} 曲</translation>
    </message>
    <message>
        <source>The catalog is being prepared… {ready} of {n} tracks</source>
        <translation>カタログを準備しています… {n} 曲中 {ready} 曲</translation>
    </message>
    <message>
        <source>{progress}. Tracks appear in the store as they are ready.</source>
        <translation>{progress}。準備のできた曲から順にストアに並びます。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>no password on standard input</source>
        <translation>標準入力にパスワードがありません</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断しました</translation>
    </message>
    <message>
        <source>name the lost tracks (CONTENT_ID...) or give --all</source>
        <translation>紛失した曲（CONTENT_ID...）を指定するか、--all を付けてください</translation>
    </message>
    <message>
        <source>{content_id} is yours now, replacing license {replaces}</source>
        <translation>{content_id} があなたのものになりました（ライセンス {replaces} に代わります）</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新しいパスワード: </translation>
    </message>
    <message>
        <source>signed up and signed in as {user}</source>
        <translation>{user} としてアカウントを作成し、サインインしました</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>パスワード: </translation>
    </message>
    <message>
        <source>signed in as {user}</source>
        <translation>{user} としてサインインしました</translation>
    </message>
    <message>
        <source>signed out {owner}</source>
        <translation>{owner} をサインアウトしました</translation>
    </message>
    <message>
        <source>signed out {owner} (the insurer could not be reached: the session runs out there by itself)</source>
        <translation>{owner} をサインアウトしました（保険会社に接続できませんでした。保険会社側のセッションは自然に期限切れになります）</translation>
    </message>
    <message>
        <source>bought {content_id} for {price} (+{premium} premium), insured</source>
        <translation>{content_id} を {price}（保険料 +{premium}）で保険付きで購入しました</translation>
    </message>
    <message>
        <source>bought {content_id} at the checkout of provider {provider} for {price} (+{premium} premium), insured</source>
        <translation>{content_id} を配信事業者 {provider} のレジで {price}（保険料 +{premium}）で保険付きで購入しました</translation>
    </message>
    <message>
        <source>license list version {version}, valid offline until {data}</source>
        <translation>ライセンスリスト バージョン {version}、オフラインで {data} まで有効</translation>
    </message>
    <message>
        <source>decoded {title}: {frames} frames, {sample_rate} Hz, {channels} ch, {duration_ms} ms</source>
        <translation>{title} をデコードしました: {frames} フレーム、{sample_rate} Hz、{channels} ch、{duration_ms} ms</translation>
    </message>
    <message>
        <source>{content_id} is not in the catalog</source>
        <translation>{content_id} はカタログにありません</translation>
    </message>
    <message>
        <source>preview of {title}: {mime}, {duration_ms} ms, decodes</source>
        <translation>{title} の試聴: {mime}、{duration_ms} ms、デコードできます</translation>
    </message>
    <message>
        <source>{title} (preview)</source>
        <translation>{title}（試聴）</translation>
    </message>
    <message>
        <source>ok: {n}</source>
        <translation>正常: {n}</translation>
    </message>
    <message>
        <source>missing: {ids}</source>
        <translation>見つからない曲: {ids}</translation>
    </message>
    <message>
        <source>corrupt: {ids}</source>
        <translation>破損: {ids}</translation>
    </message>
    <message>
        <source>repaired: {ids}</source>
        <translation>修復済み: {ids}</translation>
    </message>
    <message>
        <source>{missing} missing, {corrupt} corrupt: report them with `report-loss`</source>
        <translation>見つからない曲 {missing}、破損 {corrupt}: `report-loss` で報告してください</translation>
    </message>
    <message>
        <source>{missing} missing, {corrupt} corrupt: fetch them again with `verify --repair`</source>
        <translation>見つからない曲 {missing}、破損 {corrupt}: `verify --repair` で取得し直してください</translation>
    </message>
    <message>
        <source>no newer versions of your tracks</source>
        <translation>新しい版のある曲はありません</translation>
    </message>
    <message>
        <source>the insurer of its audio now keeps version {version}</source>
        <translation>音源の保険会社がバージョン {version} を保管するようになりました</translation>
    </message>
    <message>
        <source>{content_id}: version {from_version} -&gt; {to_version}</source>
        <translation>{content_id}: バージョン {from_version} -&gt; {to_version}</translation>
    </message>
    <message>
        <source>{n} track of your own in the library (not insured).</source>
        <translation>ライブラリにある自分の曲: {n} 曲（保険なし）。</translation>
    </message>
    <message>
        <source>{n} tracks of your own in the library (not insured).</source>
        <translation>ライブラリにある自分の曲: {n} 曲（保険なし）。</translation>
    </message>
    <message>
        <source>reading tags {share}</source>
        <translation>タグを読み込み中 {share}</translation>
    </message>
    <message>
        <source>{n} track left the library; the files themselves are untouched.</source>
        <translation>{n} 曲をライブラリから外しました。ファイル自体はそのままです。</translation>
    </message>
    <message>
        <source>{n} tracks left the library; the files themselves are untouched.</source>
        <translation>{n} 曲をライブラリから外しました。ファイル自体はそのままです。</translation>
    </message>
    <message>
        <source>Your own files (not insured):</source>
        <translation>あなたのファイル（保険なし）:</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>{path} を読み込めません: {reason}</translation>
    </message>
    <message>
        <source>decoded {title}: {frames} frames, {sample_rate} Hz, {duration_ms} ms</source>
        <translation>{title} をデコードしました: {frames} フレーム、{sample_rate} Hz、{duration_ms} ms</translation>
    </message>
    <message>
        <source>insured-player-cli: every user action without a window, `--json` on all of them.</source>
        <translation>insured-player-cli: ウィンドウなしでできるすべての操作。どのコマンドにも `--json` が使えます。</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>使い方: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>引数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>このヘルプを表示して終了します</translation>
    </message>
    <message>
        <source>{message} (see `{prog} --help`)</source>
        <translation>{message}（`{prog} --help` を参照してください）</translation>
    </message>
    <message>
        <source>the library&apos;s folder</source>
        <translation>ライブラリのフォルダー</translation>
    </message>
    <message>
        <source>the insurer (default: bundled)</source>
        <translation>保険会社（既定: 内蔵）</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>機械処理向けの出力</translation>
    </message>
    <message>
        <source>create an account and sign in</source>
        <translation>アカウントを作成してサインインします</translation>
    </message>
    <message>
        <source>as your insurers know you (they keep only a pseudonym of it)</source>
        <translation>保険会社に登録するあなたの連絡先（保険会社は仮名だけを保存します）</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>サインインします</translation>
    </message>
    <message>
        <source>sign out: nothing plays or syncs until you sign in again (the library is kept)</source>
        <translation>サインアウトします。再びサインインするまで再生も同期もしません（ライブラリは残ります）</translation>
    </message>
    <message>
        <source>take out insurance (shows the terms)</source>
        <translation>保険に加入します（約款を表示します）</translation>
    </message>
    <message>
        <source>the cheaper policy: every play asks the insurer first while online</source>
        <translation>割安な保険: オンラインの間は再生のたびに保険会社へ確認します</translation>
    </message>
    <message>
        <source>what the policy covers: license and audio (full), the license alone, or the audio alone</source>
        <translation>保険の対象: ライセンスと音源の両方 (full)、ライセンスのみ (license)、音源のみ (contents)</translation>
    </message>
    <message>
        <source>the store: both providers&apos; tracks</source>
        <translation>ストア: 両方の配信事業者の曲</translation>
    </message>
    <message>
        <source>buy a track with insurance and download it</source>
        <translation>曲を保険付きで購入してダウンロードします</translation>
    </message>
    <message>
        <source>buy at the provider without insurance (insure it later)</source>
        <translation>保険なしで配信事業者から購入します（後から保険をかけられます）</translation>
    </message>
    <message>
        <source>insured, at the provider&apos;s own checkout (if it has one)</source>
        <translation>保険付きで、配信事業者自身の購入窓口で（ある場合）</translation>
    </message>
    <message>
        <source>insured, through the insurer</source>
        <translation>保険付きで、保険会社を通して</translation>
    </message>
    <message>
        <source>insure tracks bought without insurance</source>
        <translation>保険なしで購入した曲に保険をかけます</translation>
    </message>
    <message>
        <source>every track bought without insurance</source>
        <translation>保険なしで購入したすべての曲</translation>
    </message>
    <message>
        <source>cover the audio of tracks whose license another insurer covers (with --insurer)</source>
        <translation>ほかの保険会社がライセンスを保証している曲の音源を保険に入れる (--insurer と併用)</translation>
    </message>
    <message>
        <source>every license this terminal holds, with its state, and your own music files</source>
        <translation>この端末が持つすべてのライセンスとその状態、およびあなた自身の音楽ファイル</translation>
    </message>
    <message>
        <source>add your own audio files or folders (read where they are, not insured)</source>
        <translation>あなた自身の音声ファイルやフォルダーを追加します（その場所から読み込み、保険の対象外です）</translation>
    </message>
    <message>
        <source>stop showing a folder or file added with add-music (the files stay)</source>
        <translation>add-music で追加したフォルダーやファイルを表示しないようにします（ファイルは残ります）</translation>
    </message>
    <message>
        <source>fetch the signed license list (and any missing track file)</source>
        <translation>署名付きライセンスリスト（と見つからない曲のファイル）を取得します</translation>
    </message>
    <message>
        <source>play a track (or only decode it)</source>
        <translation>曲を再生します（またはデコードだけします）</translation>
    </message>
    <message>
        <source>or your own file&apos;s path (see add-music)</source>
        <translation>またはあなた自身のファイルのパス（add-music を参照）</translation>
    </message>
    <message>
        <source>stop after this long</source>
        <translation>この秒数で止めます</translation>
    </message>
    <message>
        <source>play a track&apos;s short store clip (or only decode it), from memory</source>
        <translation>曲のストア用の短い試聴をメモリーから再生します（またはデコードだけします）</translation>
    </message>
    <message>
        <source>integrity scan: missing and corrupt tracks</source>
        <translation>整合性の確認: 見つからない曲と破損した曲</translation>
    </message>
    <message>
        <source>fetch missing and corrupt files again (free: the license is kept)</source>
        <translation>見つからないファイルと破損したファイルを取得し直します（無料: ライセンスはそのままです）</translation>
    </message>
    <message>
        <source>report lost tracks (or the whole library) to the insurer</source>
        <translation>失った曲（またはライブラリ全体）を保険会社に報告します</translation>
    </message>
    <message>
        <source>every insured track</source>
        <translation>保険付きのすべての曲</translation>
    </message>
    <message>
        <source>preferred genre for alternates</source>
        <translation>代わりの曲に望むジャンル</translation>
    </message>
    <message>
        <source>alternates offered for a track that cannot be re-issued</source>
        <translation>再発行できない曲の代わりに提示された曲</translation>
    </message>
    <message>
        <source>take one of the alternates</source>
        <translation>代わりの曲を一つ選びます</translation>
    </message>
    <message>
        <source>after a crash: re-key the policy and re-distribute every insured track</source>
        <translation>故障の後に: 保険証券の鍵を作り直し、保険付きのすべての曲を再配信してもらいます</translation>
    </message>
    <message>
        <source>the insurance policy, limits used and history</source>
        <translation>保険証券、使った上限と履歴</translation>
    </message>
    <message>
        <source>the newer versions of your tracks your insurers offer (free)</source>
        <translation>保険会社が提供している曲の新しい版（無料）</translation>
    </message>
    <message>
        <source>take a newer version of a track</source>
        <translation>曲の新しい版を受け取ります</translation>
    </message>
    <message>
        <source>every receipt: what was charged, signed by who charged it</source>
        <translation>すべての領収書: 請求された内容と、請求した者の署名</translation>
    </message>
    <message>
        <source>one receipt in full, as PDF or as the signed file</source>
        <translation>一枚の領収書の全文を、PDF または署名付きファイルとして</translation>
    </message>
    <message>
        <source>write it as a PDF</source>
        <translation>PDF として書き出します</translation>
    </message>
    <message>
        <source>write the signed receipt (to import elsewhere)</source>
        <translation>署名付きの領収書を書き出します（ほかの端末に取り込むため）</translation>
    </message>
    <message>
        <source>keep a signed receipt from a file, after checking it</source>
        <translation>ファイルの署名付き領収書を確認してから保管します</translation>
    </message>
    <message>
        <source>the backend&apos;s insurers, their terms, and yours</source>
        <translation>バックエンドの保険会社とその条件、あなたの契約</translation>
    </message>
    <message>
        <source>what your insurers told each other about you: each loss compensated</source>
        <translation>保険会社どうしで共有されたあなたの情報: 補償された紛失ごと</translation>
    </message>
    <message>
        <source>playlists: list, show, new, add, delete, export and import (XSPF)</source>
        <translation>プレイリスト: 一覧、表示、作成、追加、削除、書き出しと読み込み（XSPF）</translation>
    </message>
    <message>
        <source>every playlist, with how many of its tracks play</source>
        <translation>すべてのプレイリストと、再生できる曲の数</translation>
    </message>
    <message>
        <source>a playlist&apos;s tracks, in order</source>
        <translation>プレイリストの曲を順番に</translation>
    </message>
    <message>
        <source>a new playlist, empty or with tracks</source>
        <translation>新しいプレイリスト（空、または曲入り）</translation>
    </message>
    <message>
        <source>add tracks at the end of a playlist</source>
        <translation>プレイリストの最後に曲を追加します</translation>
    </message>
    <message>
        <source>delete a playlist (its tracks stay in the library)</source>
        <translation>プレイリストを削除します（曲はライブラリに残ります）</translation>
    </message>
    <message>
        <source>write a playlist as XSPF</source>
        <translation>プレイリストを XSPF として書き出します</translation>
    </message>
    <message>
        <source>a new playlist from an XSPF file</source>
        <translation>XSPF ファイルから新しいプレイリストを作ります</translation>
    </message>
    <message>
        <source>its name (default: the file&apos;s title)</source>
        <translation>その名前（既定: ファイルのタイトル）</translation>
    </message>
    <message>
        <source>made {name}: {p}</source>
        <translation>{name} を作成しました: {p}</translation>
    </message>
    <message>
        <source>{name} now holds {p}</source>
        <translation>{name} は {p} になりました</translation>
    </message>
    <message>
        <source>deleted {gone} (its tracks stay in the library)</source>
        <translation>{gone} を削除しました（曲はライブラリに残ります）</translation>
    </message>
    <message>
        <source>wrote {name} ({n} track) to {file}</source>
        <translation>{name}（{n} 曲）を {file} に書き出しました</translation>
    </message>
    <message>
        <source>wrote {name} ({n} tracks) to {file}</source>
        <translation>{name}（{n} 曲）を {file} に書き出しました</translation>
    </message>
    <message>
        <source>{n} track</source>
        <translation>{n} 曲</translation>
    </message>
    <message>
        <source>{n} tracks</source>
        <translation>{n} 曲</translation>
    </message>
    <message>
        <source>{n} playlist file cannot be read and is left as it is: {what}</source>
        <translation>{n} 個のプレイリストファイルを読み込めないため、そのままにしています: {what}</translation>
    </message>
    <message>
        <source>{n} playlist files cannot be read and are left as it is: {what}</source>
        <translation>{n} 個のプレイリストファイルを読み込めないため、そのままにしています: {what}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>act at this insurer of the backend (see `insurers`; default: your first)</source>
        <translation>バックエンドのこの保険会社で操作する（`insurers` を参照。既定: 最初の保険会社）</translation>
    </message>
    <message>
        <source>re-issued</source>
        <translation>再発行</translation>
    </message>
    <message>
        <source>an alternate</source>
        <translation>代替曲</translation>
    </message>
    <message>
        <source>the license re-issued</source>
        <translation>ライセンスを再発行</translation>
    </message>
    <message>
        <source>the file sent again</source>
        <translation>ファイルを再送</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>imported {name}: {matched} of {tracks} found in your library, {unmatched} not (kept, found once you own them); {n} track with no title left out</source>
        <translation>{name} をインポートしました: {tracks} 曲中 {matched} 曲がライブラリにありました。{unmatched} 曲はありません（残しておき、入手すると見つかります）。タイトルのない {n} 曲は除外しました</translation>
    </message>
    <message>
        <source>imported {name}: {matched} of {tracks} found in your library, {unmatched} not (kept, found once you own them); {n} tracks with no title left out</source>
        <translation>{name} をインポートしました: {tracks} 曲中 {matched} 曲がライブラリにありました。{unmatched} 曲はありません（残しておき、入手すると見つかります）。タイトルのない {n} 曲は除外しました</translation>
    </message>
    <message>
        <source>imported {name}: {matched} of {tracks} found in your library, {unmatched} not (kept, found once you own them)</source>
        <translation>{name} をインポートしました: {tracks} 曲中 {matched} 曲がライブラリにありました。{unmatched} 曲はありません（残しておき、入手すると見つかります）</translation>
    </message>
    <message>
        <source>imported {name}: {matched} of {tracks} found in your library; {n} track with no title left out</source>
        <translation>{name} をインポートしました: {tracks} 曲中 {matched} 曲がライブラリにありました。タイトルのない {n} 曲は除外しました</translation>
    </message>
    <message>
        <source>imported {name}: {matched} of {tracks} found in your library; {n} tracks with no title left out</source>
        <translation>{name} をインポートしました: {tracks} 曲中 {matched} 曲がライブラリにありました。タイトルのない {n} 曲は除外しました</translation>
    </message>
    <message>
        <source>imported {name}: {matched} of {tracks} found in your library</source>
        <translation>{name} を読み込みました: {tracks} 曲中 {matched} 曲がライブラリにありました</translation>
    </message>
    <message>
        <source>no policy is kept on this computer; receipt {receipt} carries its conditions, signed by the insurer:</source>
        <translation>このコンピューターには保険契約が保存されていません。領収書 {receipt} に保険会社の署名付きの条件があります:</translation>
    </message>
    <message>
        <source>  contract   {contract}</source>
        <translation>  契約       {contract}</translation>
    </message>
    <message>
        <source>  insured    {start} to {end}</source>
        <translation>  保証期間   {start}～{end}</translation>
    </message>
    <message>
        <source>  claims     from {day}</source>
        <translation>  請求       {day} から</translation>
    </message>
    <message>
        <source>  limits     {per_track} per track, {total} in all</source>
        <translation>  上限       1 曲あたり {per_track} 回、合計 {total} 回</translation>
    </message>
    <message>
        <source>  alternates may cost up to {limit} more</source>
        <translation>  代替曲     最大 {limit} 高い曲まで</translation>
    </message>
    <message>
        <source>no receipts yet: every purchase, policy and replacement leaves one</source>
        <translation>領収書はまだありません。購入、保険契約、差し替えのたびに発行されます。</translation>
    </message>
    <message>
        <source>kept receipt {receipt_id}, signed by {signer_name}</source>
        <translation>領収書 {receipt_id} を保存しました（署名: {signer_name}）</translation>
    </message>
    <message>
        <source>Receipt {receipt}: {kind}</source>
        <translation>領収書 {receipt}: {kind}</translation>
    </message>
    <message>
        <source>  date       {moment}</source>
        <translation>  日時       {moment}</translation>
    </message>
    <message>
        <source>  issued by  {signer} (signature checked)</source>
        <translation>  発行元     {signer}（署名確認済み）</translation>
    </message>
    <message>
        <source>  issued to  {buyer}</source>
        <translation>  宛先       {buyer}</translation>
    </message>
    <message>
        <source>  {title}: {price} + insurance {premium}</source>
        <translation>  {title}: {price} + 保険料 {premium}</translation>
    </message>
    <message>
        <source>  {title}: {price}</source>
        <translation>  {title}: {price}</translation>
    </message>
    <message>
        <source>  total      {total}</source>
        <translation>  合計       {total}</translation>
    </message>
    <message>
        <source>  insured    {start} to {end}, {per_track} replacements per track, {total} in all</source>
        <translation>  保証期間   {start}～{end}、1 曲あたり {per_track} 回、合計 {total} 回まで再発行</translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation>{file} を書き出しました</translation>
    </message>
    <message>
        <source>saved the signed receipt to {file}</source>
        <translation>署名付きの領収書を {file} に保存しました</translation>
    </message>
    <message>
        <source>playback failed: {errors}</source>
        <translation>再生に失敗しました: {errors}</translation>
    </message>
    <message>
        <source>{title} did not start playing within {start_grace_s} s: no sound output?</source>
        <translation>{title} が {start_grace_s} 秒以内に再生を開始しませんでした。音声出力がありませんか？</translation>
    </message>
    <message>
        <source>played {title} ({seconds} s)</source>
        <translation>{title} を再生しました（{seconds} 秒）</translation>
    </message>
    <message>
        <source>bought {content_id} for {price}, not insured</source>
        <translation>{content_id} を {price} で保険なしで購入しました</translation>
    </message>
    <message>
        <source>name the licenses to insure, or give --all-uninsured</source>
        <translation>保険をかけるライセンスを指定するか、--all-uninsured を付けてください</translation>
    </message>
    <message>
        <source>nothing to insure: every track here is insured</source>
        <translation>保険をかける曲はありません。ここにある曲はすべて保険付きです。</translation>
    </message>
    <message>
        <source>downloading {share}</source>
        <translation>ダウンロード中 {share}</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
</context>
<context>
    <name>CliPolicy</name>
    <message>
        <source>contract_id</source>
        <translation>契約ID</translation>
    </message>
    <message>
        <source>insured</source>
        <translation>保険付き</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>premium_yen_per_track</source>
        <translation>1 曲あたりの保険料（円）</translation>
    </message>
    <message>
        <source>check_every_play</source>
        <translation>再生のたびに確認</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>保険の対象</translation>
    </message>
    <message>
        <source>guarantee_start</source>
        <translation>保証期間の開始</translation>
    </message>
    <message>
        <source>guarantee_end</source>
        <translation>保証期間の終了</translation>
    </message>
    <message>
        <source>relicensing_starts</source>
        <translation>再ライセンスの開始</translation>
    </message>
    <message>
        <source>relicensing_limit_per_track</source>
        <translation>1 曲あたりの再ライセンスの上限</translation>
    </message>
    <message>
        <source>relicensing_limit_total</source>
        <translation>再ライセンスの上限（合計）</translation>
    </message>
    <message>
        <source>price_difference_limit</source>
        <translation>価格差の上限</translation>
    </message>
    <message>
        <source>public_key_fingerprint</source>
        <translation>公開鍵のフィンガープリント</translation>
    </message>
    <message>
        <source>insurer_fingerprint</source>
        <translation>保険会社のフィンガープリント</translation>
    </message>
    <message>
        <source>relicensing_count</source>
        <translation>再ライセンスの回数</translation>
    </message>
    <message>
        <source>relicensing_left_total</source>
        <translation>再ライセンスの残り（合計）</translation>
    </message>
    <message>
        <source>gross_amount</source>
        <translation>総額</translation>
    </message>
    <message>
        <source>first_contract_at</source>
        <translation>最初の契約日時</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>CliState</name>
    <message>
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>利用不可</translation>
    </message>
    <message>
        <source>reissued</source>
        <translation>再発行済み</translation>
    </message>
    <message>
        <source>audio resent</source>
        <translation>音源を再送</translation>
    </message>
    <message>
        <source>alternates_offered</source>
        <translation>代替曲あり</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>選択済み</translation>
    </message>
    <message>
        <source>insured</source>
        <translation>保険付き</translation>
    </message>
</context>
<context>
    <name>CliTable</name>
    <message>
        <source>CONTENT_ID</source>
        <translation>コンテンツID</translation>
    </message>
    <message>
        <source>LICENSE_ID</source>
        <translation>ライセンスID</translation>
    </message>
    <message>
        <source>NEW_LICENSE_ID</source>
        <translation>新しいライセンスID</translation>
    </message>
    <message>
        <source>ITEM_ID</source>
        <translation>項目ID</translation>
    </message>
    <message>
        <source>ALTERNATE_ID</source>
        <translation>代替曲ID</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>ARTIST</source>
        <translation>アーティスト</translation>
    </message>
    <message>
        <source>ALBUM</source>
        <translation>アルバム</translation>
    </message>
    <message>
        <source>GENRE</source>
        <translation>ジャンル</translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation>配信元</translation>
    </message>
    <message>
        <source>PRICE</source>
        <translation>価格</translation>
    </message>
    <message>
        <source>PREMIUM</source>
        <translation>保険料</translation>
    </message>
    <message>
        <source>PRICE_DIFFERENCE</source>
        <translation>価格差</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>ALTERNATES</source>
        <translation>代替曲</translation>
    </message>
    <message>
        <source>RECEIPT</source>
        <translation>領収書</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>FOR</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>TRACKS</source>
        <translation>曲数</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>SIGNED BY</source>
        <translation>署名者</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>PLAYABLE</source>
        <translation>再生可能</translation>
    </message>
    <message>
        <source>POSITION</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>PLAYS</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>INSURER</source>
        <translation>保険会社</translation>
    </message>
    <message>
        <source>PREMIUM_RATE</source>
        <translation>保険料率</translation>
    </message>
    <message>
        <source>GUARANTEE_DAYS</source>
        <translation>保証日数</translation>
    </message>
    <message>
        <source>WAITING_DAYS</source>
        <translation>待機日数</translation>
    </message>
    <message>
        <source>REISSUES_PER_TRACK</source>
        <translation>曲ごとの再発行回数</translation>
    </message>
    <message>
        <source>YOUR_ACCOUNT</source>
        <translation>あなたのアカウント</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>AMOUNT</source>
        <translation>金額</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>the content server ignored the resume request; try again</source>
        <translation>コンテンツサーバーが再開の要求を無視しました。もう一度お試しください。</translation>
    </message>
    <message>
        <source>the download from {server} stopped; it resumes where it stopped</source>
        <translation>{server} からのダウンロードが止まりました。止まったところから再開します。</translation>
    </message>
    <message>
        <source>the backend sent a malformed {what}</source>
        <translation>バックエンドから不正な {what} が送られてきました。</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>接続できません</translation>
    </message>
    <message>
        <source>the answer of {who}</source>
        <translation>{who} の応答</translation>
    </message>
    <message>
        <source>{server} did not answer within {seconds} s</source>
        <translation>{server} が {seconds} 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <source>talking to {server} failed: {name}</source>
        <translation>{server} との通信に失敗しました: {name}</translation>
    </message>
    <message>
        <source>{server} answered with a redirect to {target}; the player does not follow redirects</source>
        <translation>{server} が {target} へのリダイレクトで応答しました。このプレーヤーはリダイレクトに従いません。</translation>
    </message>
    <message>
        <source>{server} did not answer in time</source>
        <translation>{server} が時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>{server} cannot be reached</source>
        <translation>{server} に接続できません。</translation>
    </message>
    <message>
        <source>{server} broke off its answer</source>
        <translation>{server} の応答が途中で切れました。</translation>
    </message>
    <message>
        <source>the insurer at {url}</source>
        <translation>保険会社（{url}）</translation>
    </message>
    <message>
        <source>the server at {url}</source>
        <translation>サーバー（{url}）</translation>
    </message>
    <message>
        <source>the backend answered {path} with something unexpected</source>
        <translation>バックエンドが {path} に想定外の応答をしました。</translation>
    </message>
    <message>
        <source>the backend failed (HTTP {status_code})</source>
        <translation>バックエンドでエラーが起きました（HTTP {status_code}）。</translation>
    </message>
    <message>
        <source>the backend answered HTTP {status_code} without an explanation</source>
        <translation>バックエンドが説明なしで HTTP {status_code} を返しました。</translation>
    </message>
    <message>
        <source>not signed in, or the session ended: sign in again (`login USER`)</source>
        <translation>サインインしていないか、セッションが終了しました。もう一度サインインしてください（`login USER`）</translation>
    </message>
    <message>
        <source>The license package for {content_id} insures user {insured_user_id}, not you ({user_id}).</source>
        <translation>{content_id} のライセンスパッケージが保険の対象としているのはユーザー {insured_user_id} で、あなた（{user_id}）ではありません。</translation>
    </message>
    <message>
        <source>The cached license list is for user {user_id}, not for you.</source>
        <translation>キャッシュされたライセンスリストはユーザー {user_id} のもので、あなたのものではありません。</translation>
    </message>
    <message>
        <source>the license list says license {license_id} is for {content_id}, the package says {content_id2}</source>
        <translation>ライセンスリストではライセンス {license_id} は {content_id} 用ですが、パッケージでは {content_id2} 用です。</translation>
    </message>
    <message>
        <source>License {license_id} is not in the cached license list; connect to the insurer once to check it.</source>
        <translation>ライセンス {license_id} はキャッシュされたライセンスリストにありません。確認のため一度保険会社に接続してください。</translation>
    </message>
    <message>
        <source>License {license_id} is not in any cached license list (none yet); connect to the insurer once to check it.</source>
        <translation>ライセンス {license_id} を確認できるライセンスリストがまだキャッシュされていません。確認のため一度保険会社に接続してください。</translation>
    </message>
    <message>
        <source>the insurer&apos;s answer is about license {license_id} of user {user_id}, but {license_id2} of {user_id2} was asked</source>
        <translation>保険会社の応答はユーザー {user_id} のライセンス {license_id} についてですが、問い合わせたのは {user_id2} の {license_id2} です。</translation>
    </message>
    <message>
        <source>The insurer&apos;s answer about {license_id} dates from list version {list_version}, but version {highest_version} was already seen: it is an old answer replayed.</source>
        <translation>{license_id} についての保険会社の応答はリストのバージョン {list_version} のものですが、すでにバージョン {highest_version} を確認済みです。古い応答が再送されています。</translation>
    </message>
    <message>
        <source>The insurer&apos;s answer about {license_id} was signed at {value3}, too long ago for a policy that checks every play: it is an old answer replayed.</source>
        <translation>{license_id} についての保険会社の応答は {value3} に署名されたもので、再生のたびに確認する保険契約には古すぎます。古い応答が再送されています。</translation>
    </message>
    <message>
        <source>The insurer does not know license {license_id} for you: it may not play on this account.</source>
        <translation>保険会社はあなたのライセンス {license_id} を把握していません。このアカウントでは再生できません。</translation>
    </message>
    <message>
        <source>License {license_id} was issued to user {licensee}, not to you ({user_id}).</source>
        <translation>ライセンス {license_id} はユーザー {licensee} に発行されたもので、あなた（{user_id}）にではありません。</translation>
    </message>
    <message>
        <source>License {license_id} is for {content_id}, but the package is for license {license_id2} of {content_id2}.</source>
        <translation>ライセンス {license_id} は {content_id} 用ですが、パッケージは {content_id2} のライセンス {license_id2} 用です。</translation>
    </message>
    <message>
        <source>License {license_id} may play from {start}; it is now {now}, outside its usage period.</source>
        <translation>ライセンス {license_id} は {start} から再生できます。現在は {now} で、利用期間外です。</translation>
    </message>
    <message>
        <source>License {license_id} could play until {end}; it is now {now}, outside its usage period.</source>
        <translation>ライセンス {license_id} は {end} まで再生できました。現在は {now} で、利用期間外です。</translation>
    </message>
    <message>
        <source>License {license_id} may not play: it was {why}.</source>
        <translation>ライセンス {license_id} は再生できません。{why}。</translation>
    </message>
    <message>
        <source>a list mark&apos;s version is a count, 0 or more</source>
        <translation>リストの記録のバージョンは 0 以上の数です。</translation>
    </message>
    <message>
        <source>a list mark&apos;s time must be timezone-aware</source>
        <translation>リストの記録の時刻にはタイムゾーンが必要です。</translation>
    </message>
    <message>
        <source>the license-list mark in the keyring is damaged</source>
        <translation>キーリング内のライセンスリストの記録が壊れています。</translation>
    </message>
    <message>
        <source>the license-list mark in the keyring has no valid version</source>
        <translation>キーリング内のライセンスリストの記録に有効なバージョンがありません。</translation>
    </message>
    <message>
        <source>now must be timezone-aware</source>
        <translation>now にはタイムゾーンが必要です。</translation>
    </message>
    <message>
        <source>Your clock reads {now}, but a license list issued at {seen} was already seen: set the clock right.</source>
        <translation>時計は {now} を示していますが、{seen} に発行されたライセンスリストをすでに確認済みです。時計を正しく合わせてください。</translation>
    </message>
    <message>
        <source>build a TrustedList with TrustedList.load(...): only verified lists go in</source>
        <translation>TrustedList は TrustedList.load(...) で作成してください。検証済みのリストだけを入れます。</translation>
    </message>
    <message>
        <source>no list to load: with nothing cached, the decision takes None</source>
        <translation>読み込むリストがありません。キャッシュがない場合、判定には None を渡します。</translation>
    </message>
    <message>
        <source>the cached license list starts with a delta, not a full list</source>
        <translation>キャッシュされたライセンスリストが完全なリストではなく差分から始まっています。</translation>
    </message>
    <message>
        <source>the cached license list is broken (a change against version {base_version} follows version {version}): fetch the full list from the insurer</source>
        <translation>キャッシュされたライセンスリストが壊れています（バージョン {version} の後にバージョン {base_version} に対する変更があります）。保険会社から完全なリストを取得してください。</translation>
    </message>
    <message>
        <source>The cached license list is version {version}, but version {highest_version} was already seen on this computer: the data folder looks restored from an old backup. Connect to the insurer to fetch the current list.</source>
        <translation>キャッシュされたライセンスリストはバージョン {version} ですが、このコンピューターではすでにバージョン {highest_version} を確認済みです。データフォルダーが古いバックアップから復元されたようです。保険会社に接続して最新のリストを取得してください。</translation>
    </message>
    <message>
        <source>The license list offered is version {version}, but version {highest_version} was already seen: an older list cannot replace a newer one.</source>
        <translation>渡されたライセンスリストはバージョン {version} ですが、すでにバージョン {highest_version} を確認済みです。古いリストで新しいリストを置き換えることはできません。</translation>
    </message>
    <message>
        <source>The license list change is against version {base_version}, but this computer holds version {version}: fetch the full list.</source>
        <translation>ライセンスリストの変更はバージョン {base_version} に対するものですが、このコンピューターにあるのはバージョン {version} です。完全なリストを取得してください。</translation>
    </message>
    <message>
        <source>the insurer signed two different license lists as version {version}; the one held is kept</source>
        <translation>保険会社がバージョン {version} として異なる 2 つのライセンスリストに署名しました。手元のリストを保持します。</translation>
    </message>
    <message>
        <source>less than a day ago</source>
        <translation>1 日以内</translation>
    </message>
    <message>
        <source>{n} day ago</source>
        <translation>{n} 日前</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n} 日前</translation>
    </message>
    <message>
        <source>The cached license list ran out on {value1} ({ago}) and the insurer cannot be reached: connect to the insurer once to renew it.</source>
        <translation>キャッシュされたライセンスリストは {value1}（{ago}）に期限切れになり、保険会社に接続できません。更新するため一度保険会社に接続してください。</translation>
    </message>
    <message>
        <source>This license list was issued to user {user_id}, not to you ({user_id2}).</source>
        <translation>このライセンスリストはユーザー {user_id} に発行されたもので、あなた（{user_id2}）にではありません。</translation>
    </message>
    <message>
        <source>{what} could not be read: {failure}</source>
        <translation>{what} を読み込めませんでした: {failure}</translation>
    </message>
    <message>
        <source>{what} does not decode: {error}</source>
        <translation>{what} をデコードできません: {error}</translation>
    </message>
    <message>
        <source>{what} did not finish decoding within {timeout_s} s</source>
        <translation>{what} のデコードが {timeout_s} 秒以内に終わりませんでした。</translation>
    </message>
    <message>
        <source>{what} holds no audio</source>
        <translation>{what} に音声がありません。</translation>
    </message>
    <message>
        <source>reading the track failed: {e}</source>
        <translation>曲の読み込みに失敗しました: {e}</translation>
    </message>
    <message>
        <source>{what} is not a JSON object</source>
        <translation>{what} が JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>{what}: missing {missing}, unexpected {extra}</source>
        <translation>{what}: {missing} がなく、想定外の {extra} があります。</translation>
    </message>
    <message>
        <source>{what} is not a non-empty string</source>
        <translation>{what} が空でない文字列ではありません。</translation>
    </message>
    <message>
        <source>{what} contains a control character</source>
        <translation>{what} に制御文字が含まれています。</translation>
    </message>
    <message>
        <source>{what} {key} is not an integer</source>
        <translation>{what} の {key} が整数ではありません。</translation>
    </message>
    <message>
        <source>{what} {key} is out of range [{minimum}, {maximum}]</source>
        <translation>{what} の {key} が範囲 [{minimum}, {maximum}] の外です。</translation>
    </message>
    <message>
        <source>{what} {key} is not a string</source>
        <translation>{what} の {key} が文字列ではありません。</translation>
    </message>
    <message>
        <source>{what} {key} {value} is not one of {allowed}</source>
        <translation>{what} の {key} の {value} は {allowed} のいずれでもありません。</translation>
    </message>
    <message>
        <source>{what} {key} is not {length} bytes</source>
        <translation>{what} の {key} が {length} バイトではありません。</translation>
    </message>
    <message>
        <source>{what} {key} is not a list</source>
        <translation>{what} の {key} がリストではありません。</translation>
    </message>
    <message>
        <source>{what} {key} repeats an item</source>
        <translation>{what} の {key} に重複する項目があります。</translation>
    </message>
    <message>
        <source>refusing to sign an invalid {what}: {e}</source>
        <translation>無効な {what} には署名しません: {e}</translation>
    </message>
    <message>
        <source>the container ends inside a segment</source>
        <translation>コンテナーがセグメントの途中で終わっています。</translation>
    </message>
    <message>
        <source>the container file ends inside a segment</source>
        <translation>コンテナーファイルがセグメントの途中で終わっています。</translation>
    </message>
    <message>
        <source>{what} is not valid JSON</source>
        <translation>{what} が有効な JSON ではありません。</translation>
    </message>
    <message>
        <source>{what} is not a base64 string</source>
        <translation>{what} が base64 文字列ではありません。</translation>
    </message>
    <message>
        <source>{what} is not valid base64</source>
        <translation>{what} が有効な base64 ではありません。</translation>
    </message>
    <message>
        <source>{what} is not canonical base64</source>
        <translation>{what} が正規の base64 ではありません。</translation>
    </message>
    <message>
        <source>naive datetime: every time in the protocol is timezone-aware</source>
        <translation>タイムゾーンのない日時です。プロトコルの時刻にはすべてタイムゾーンが必要です。</translation>
    </message>
    <message>
        <source>{what} is not a time string</source>
        <translation>{what} が時刻の文字列ではありません。</translation>
    </message>
    <message>
        <source>{what} is not a UTC time like 2026-01-31T12:00:00Z</source>
        <translation>{what} が 2026-01-31T12:00:00Z のような UTC 時刻ではありません。</translation>
    </message>
    <message>
        <source>{what} is not a 32-byte Ed25519 key</source>
        <translation>{what} が 32 バイトの Ed25519 鍵ではありません。</translation>
    </message>
    <message>
        <source>{what} is not a 32-byte X25519 key</source>
        <translation>{what} が 32 バイトの X25519 鍵ではありません。</translation>
    </message>
    <message>
        <source>{what} has no signature</source>
        <translation>{what} に署名がありません。</translation>
    </message>
    <message>
        <source>{what}: the signature does not verify</source>
        <translation>{what}: 署名を検証できません。</translation>
    </message>
    <message>
        <source>{what}: expected a {doc_type} document, got {found}</source>
        <translation>{what}: {doc_type} 文書のはずが {found} でした。</translation>
    </message>
    <message>
        <source>{what}: format {version} is not supported</source>
        <translation>{what}: 形式 {version} には対応していません。</translation>
    </message>
    <message>
        <source>{what}: expected a {doc_type} document, got {value4}</source>
        <translation>{what}: {doc_type} 文書のはずが {value4} でした。</translation>
    </message>
    <message>
        <source>{what} is signed by an unknown key</source>
        <translation>{what} は不明な鍵で署名されています。</translation>
    </message>
    <message>
        <source>a content key is {key_size} bytes</source>
        <translation>コンテンツ鍵は {key_size} バイトです。</translation>
    </message>
    <message>
        <source>the header body is too long (content ID or MIME type too long)</source>
        <translation>ヘッダー本体が長すぎます（コンテンツ ID または MIME タイプが長すぎます）。</translation>
    </message>
    <message>
        <source>cannot build a container header: {e}</source>
        <translation>コンテナーヘッダーを作成できません: {e}</translation>
    </message>
    <message>
        <source>not a content container (bad magic)</source>
        <translation>コンテンツのコンテナーではありません（マジックナンバーが不正です）。</translation>
    </message>
    <message>
        <source>the container ends inside its header</source>
        <translation>コンテナーがヘッダーの途中で終わっています。</translation>
    </message>
    <message>
        <source>container format {fmt} is not supported</source>
        <translation>コンテナー形式 {fmt} には対応していません。</translation>
    </message>
    <message>
        <source>container reserved byte is not zero</source>
        <translation>コンテナーの予約バイトが 0 ではありません。</translation>
    </message>
    <message>
        <source>container header body of {body_length} bytes is too long</source>
        <translation>コンテナーヘッダー本体の {body_length} バイトは長すぎます。</translation>
    </message>
    <message>
        <source>{what} is not canonical JSON</source>
        <translation>{what} が正規の JSON ではありません。</translation>
    </message>
    <message>
        <source>the container is {size} bytes, its header says {container_length}</source>
        <translation>コンテナーは {size} バイトですが、ヘッダーでは {container_length} です。</translation>
    </message>
    <message>
        <source>the container holds {content_id}, not {expect_content_id}</source>
        <translation>コンテナーの中身は {content_id} で、{expect_content_id} ではありません。</translation>
    </message>
    <message>
        <source>the container holds version {content_version}, not {expect_content_version}</source>
        <translation>コンテナーの中身はバージョン {content_version} で、{expect_content_version} ではありません。</translation>
    </message>
    <message>
        <source>the key does not open this container</source>
        <translation>この鍵ではコンテナーを開けません。</translation>
    </message>
    <message>
        <source>offset and size must not be negative</source>
        <translation>オフセットとサイズは負にできません。</translation>
    </message>
    <message>
        <source>segment {i} of {content_id} fails authentication</source>
        <translation>{content_id} のセグメント {i} の認証に失敗しました。</translation>
    </message>
    <message>
        <source>segment {index} of {content_id} fails authentication</source>
        <translation>{content_id} のセグメント {index} の認証に失敗しました。</translation>
    </message>
    <message>
        <source>{what}: not a direct-license document of format {format}</source>
        <translation>{what}: 形式 {format} の直接ライセンス文書ではありません。</translation>
    </message>
    <message>
        <source>{what}: every field must be a non-empty string</source>
        <translation>{what}: すべてのフィールドは空でない文字列でなければなりません。</translation>
    </message>
    <message>
        <source>license {license_id} was not kept by this computer</source>
        <translation>ライセンス {license_id} はこのコンピューターに保存されていません。</translation>
    </message>
    <message>
        <source>direct license {license_id} holds another license</source>
        <translation>直接ライセンス {license_id} の中身が別のライセンスです。</translation>
    </message>
    <message>
        <source>refusing to sign an invalid license: {e}</source>
        <translation>無効なライセンスには署名しません: {e}</translation>
    </message>
    <message>
        <source>license {license_id}: licenser {licenser} is not trusted</source>
        <translation>ライセンス {license_id}: 配信元 {licenser} は信頼されていません。</translation>
    </message>
    <message>
        <source>license {license_id} is not signed by {licenser}&apos;s key</source>
        <translation>ライセンス {license_id} は {licenser} の鍵で署名されていません。</translation>
    </message>
    <message>
        <source>license is not well-formed XML</source>
        <translation>ライセンスが整形式の XML ではありません。</translation>
    </message>
    <message>
        <source>license is too large</source>
        <translation>ライセンスが大きすぎます。</translation>
    </message>
    <message>
        <source>license is not well-formed XML without DTDs or entities</source>
        <translation>ライセンスが DTD やエンティティを含まない整形式の XML ではありません。</translation>
    </message>
    <message>
        <source>expected a License element in {namespace}, got {tag}</source>
        <translation>{namespace} の License 要素のはずが {tag} でした。</translation>
    </message>
    <message>
        <source>license has text outside its elements</source>
        <translation>ライセンスの要素の外にテキストがあります。</translation>
    </message>
    <message>
        <source>license has an unknown element {tag}</source>
        <translation>ライセンスに不明な要素 {tag} があります。</translation>
    </message>
    <message>
        <source>license repeats {name}</source>
        <translation>ライセンスで {name} が重複しています。</translation>
    </message>
    <message>
        <source>license element {name} has nested or stray content</source>
        <translation>ライセンスの要素 {name} に入れ子または余分な内容があります。</translation>
    </message>
    <message>
        <source>license element {name} has attributes {attributes}</source>
        <translation>ライセンスの要素 {name} に属性 {attributes} があります。</translation>
    </message>
    <message>
        <source>license lacks {missing}</source>
        <translation>ライセンスに {missing} がありません。</translation>
    </message>
    <message>
        <source>license uses unsupported algorithms {key_alg} / {sig}</source>
        <translation>ライセンスが対応していないアルゴリズム {key_alg} / {sig} を使っています。</translation>
    </message>
    <message>
        <source>license ContentVersion is not a decimal number</source>
        <translation>ライセンスの ContentVersion が 10 進数ではありません。</translation>
    </message>
    <message>
        <source>license Signature does not name a signer fingerprint</source>
        <translation>ライセンスの Signature に署名者のフィンガープリントがありません。</translation>
    </message>
    <message>
        <source>license permission {permission} is not {permission_play}</source>
        <translation>ライセンスの権限 {permission} が {permission_play} ではありません。</translation>
    </message>
    <message>
        <source>license content version is out of range</source>
        <translation>ライセンスのコンテンツバージョンが範囲外です。</translation>
    </message>
    <message>
        <source>license content key is not {content_key_size} bytes</source>
        <translation>ライセンスのコンテンツ鍵が {content_key_size} バイトではありません。</translation>
    </message>
    <message>
        <source>license usage period ends before it starts</source>
        <translation>ライセンスの利用期間が始まる前に終わっています。</translation>
    </message>
    <message>
        <source>a delta applies to a full license list, not to another delta</source>
        <translation>差分は完全なライセンスリストに適用するもので、別の差分には適用できません。</translation>
    </message>
    <message>
        <source>the delta is against version {base_version}, we hold {version}</source>
        <translation>差分はバージョン {base_version} に対するものですが、手元にあるのは {version} です。</translation>
    </message>
    <message>
        <source>the delta is for another user</source>
        <translation>差分は別のユーザーのものです。</translation>
    </message>
    <message>
        <source>the delta does not move the list forward</source>
        <translation>差分でリストが新しくなりません。</translation>
    </message>
    <message>
        <source>{what} state {value} is not allowed here</source>
        <translation>{what} の状態 {value} はここでは使えません。</translation>
    </message>
    <message>
        <source>{what}: an invalid license needs a date and a reason, others neither</source>
        <translation>{what}: 無効なライセンスには日付と理由が必要で、それ以外には不要です。</translation>
    </message>
    <message>
        <source>{what} expires before it is issued</source>
        <translation>{what} の期限が発行より前です。</translation>
    </message>
    <message>
        <source>{what} entries is not a list</source>
        <translation>{what} の entries がリストではありません。</translation>
    </message>
    <message>
        <source>{what} names a license twice</source>
        <translation>{what} に同じライセンスが 2 回あります。</translation>
    </message>
    <message>
        <source>license package {license_id} does not open with this policy key</source>
        <translation>ライセンスパッケージ {license_id} はこの保険契約の鍵で開けません。</translation>
    </message>
    <message>
        <source>license package names {expected}, the sealed license is {found}</source>
        <translation>ライセンスパッケージには {expected} とありますが、封入されたライセンスは {found} です。</translation>
    </message>
    <message>
        <source>{what} sealed_license is empty</source>
        <translation>{what} の sealed_license が空です。</translation>
    </message>
    <message>
        <source>policy check_every_play: present only as true</source>
        <translation>保険契約の check_every_play: true の場合にのみ指定します。</translation>
    </message>
    <message>
        <source>policy coverage: present only when not full</source>
        <translation>保険証券の coverage: full 以外のときだけ記載されます</translation>
    </message>
    <message>
        <source>policy public_key_fingerprint does not match public_key</source>
        <translation>保険契約の public_key_fingerprint が public_key と一致しません。</translation>
    </message>
    <message>
        <source>{what}: the guarantee period ends before it starts</source>
        <translation>{what}: 保証期間が始まる前に終わっています。</translation>
    </message>
    <message>
        <source>receipt items must be a list</source>
        <translation>領収書の items はリストでなければなりません。</translation>
    </message>
    <message>
        <source>receipt total_yen is not the sum of its items</source>
        <translation>領収書の total_yen が items の合計と一致しません。</translation>
    </message>
    <message>
        <source>receipt conditions must be base64 or null</source>
        <translation>領収書の conditions は base64 または null でなければなりません。</translation>
    </message>
    <message>
        <source>no item {item_id} is waiting for an alternate; report a loss first</source>
        <translation>代替曲を待っている項目 {item_id} はありません。先に紛失の報告をしてください。</translation>
    </message>
    <message>
        <source>this account has no insurance policy to recover</source>
        <translation>このアカウントには復旧する保険契約がありません。</translation>
    </message>
    <message>
        <source>there is no newer version of {content_id}</source>
        <translation>{content_id} の新しいバージョンはありません。</translation>
    </message>
    <message>
        <source>cannot {doing} {path}: the disk is full (or over quota); free some space and try again</source>
        <translation>{path} の{doing}ができません。ディスクがいっぱいです（またはクォータ超過）。空き容量を増やしてもう一度お試しください。</translation>
    </message>
    <message>
        <source>cannot {doing} {path}: it is on a read-only file system; mount it read-write (or use another data directory) to change the library</source>
        <translation>{path} の{doing}ができません。読み取り専用のファイルシステム上にあります。ライブラリを変更するには読み書き可能でマウントしてください（または別のデータディレクトリを使ってください）。</translation>
    </message>
    <message>
        <source>cannot {doing} {path}: {value5}; check that the Insured Player data directory is writable by you</source>
        <translation>{path} の{doing}ができません: {value5}。Insured Player のデータディレクトリに書き込めるか確認してください。</translation>
    </message>
    <message>
        <source>cannot {doing} {path}: {value5}</source>
        <translation>{path} の{doing}ができません: {value5}</translation>
    </message>
    <message>
        <source>the library at {directory} is on a read-only file system, so it cannot be changed (tracks already in it still play); mount it read-write to buy, claim or sync</source>
        <translation>{directory} のライブラリは読み取り専用のファイルシステム上にあるため変更できません（ライブラリにある曲は引き続き再生できます）。購入・請求・同期をするには読み書きできるようにマウントしてください</translation>
    </message>
    <message>
        <source>the disk is full, so the library at {directory} cannot be changed (tracks already in it still play); free some space and try again</source>
        <translation>ディスクがいっぱいのため、{directory} のライブラリを変更できません（ライブラリにある曲は引き続き再生できます）。空き容量を増やしてからもう一度お試しください</translation>
    </message>
    <message>
        <source>the library at {directory} cannot be written (tracks already in it still play); check that the Insured Player data directory is writable by you</source>
        <translation>{directory} のライブラリに書き込めません（ライブラリにある曲は引き続き再生できます）。Insured Player のデータディレクトリに書き込み権限があるか確認してください</translation>
    </message>
    <message>
        <source>refusing to write {name}: it does not start as it must</source>
        <translation>{name} は書き込みません。先頭が正しい形式ではありません。</translation>
    </message>
    <message>
        <source>{name} is already being downloaded by another Insured Player</source>
        <translation>{name} は別の Insured Player がすでにダウンロード中です。</translation>
    </message>
    <message>
        <source>{what} has no {key}</source>
        <translation>{what} に {key} がありません。</translation>
    </message>
    <message>
        <source>{what} has no integer {key}</source>
        <translation>{what} に整数の {key} がありません。</translation>
    </message>
    <message>
        <source>{what}: unknown format</source>
        <translation>{what}: 不明な形式です。</translation>
    </message>
    <message>
        <source>{what}: {name} is not text</source>
        <translation>{what}: {name} がテキストではありません。</translation>
    </message>
    <message>
        <source>{what}: {name} is not true or false</source>
        <translation>{what}: {name} が true でも false でもありません。</translation>
    </message>
    <message>
        <source>the container is longer than its header says ({container_length})</source>
        <translation>コンテナーがヘッダーの示す長さ（{container_length}）より長くなっています。</translation>
    </message>
    <message>
        <source>the container is {total} bytes, its header says {container_length}</source>
        <translation>コンテナーは {total} バイトですが、ヘッダーでは {container_length} です。</translation>
    </message>
    <message>
        <source>the container holds {content_id} version {content_version}, not {content_id2} version {version}</source>
        <translation>コンテナーの中身は {content_id} のバージョン {content_version} で、{content_id2} のバージョン {version} ではありません。</translation>
    </message>
    <message>
        <source>{name} is {size} bytes, its header says {container_length}</source>
        <translation>{name} は {size} バイトですが、ヘッダーでは {container_length} です。</translation>
    </message>
    <message>
        <source>the content server sent more than the {length} bytes track {content_id} has; the extra was not kept</source>
        <translation>コンテンツサーバーが曲 {content_id} の {length} バイトを超えて送ってきました。超過分は保存していません。</translation>
    </message>
    <message>
        <source>the download does not start with a container header</source>
        <translation>ダウンロードがコンテナーヘッダーで始まっていません。</translation>
    </message>
    <message>
        <source>the package names {named}, not {value3}</source>
        <translation>パッケージに記載されているのは {named} で、{value3} ではありません。</translation>
    </message>
    <message>
        <source>the license package {license_id}</source>
        <translation>ライセンスパッケージ {license_id}</translation>
    </message>
    <message>
        <source>the policy names {named}, not {value3}</source>
        <translation>保険契約に記載されているのは {named} で、{value3} ではありません。</translation>
    </message>
    <message>
        <source>a delta was offered as the full license list</source>
        <translation>差分が完全なライセンスリストとして渡されました。</translation>
    </message>
    <message>
        <source>expected a delta to version {version}, got version {named} (base {base})</source>
        <translation>バージョン {version} への差分のはずが、バージョン {named}（基準 {base}）でした。</translation>
    </message>
    <message>
        <source>a license-list delta needs the full list it builds on: fetch it first</source>
        <translation>ライセンスリストの差分には基になる完全なリストが必要です。先に取得してください。</translation>
    </message>
    <message>
        <source>a license-list delta</source>
        <translation>ライセンスリストの差分</translation>
    </message>
    <message>
        <source>the receipt names {named}, not {receipt_id}</source>
        <translation>領収書に記載されているのは {named} で、{receipt_id} ではありません。</translation>
    </message>
    <message>
        <source>{what} is missing from the library ({path})</source>
        <translation>{what} がライブラリにありません（{path}）。</translation>
    </message>
    <message>
        <source>cannot open the library index {path}: {e}</source>
        <translation>ライブラリの索引 {path} を開けません: {e}</translation>
    </message>
    <message>
        <source>tables but no schema version: not an index this player wrote</source>
        <translation>テーブルはありますがスキーマのバージョンがありません。このプレーヤーが書いた索引ではありません。</translation>
    </message>
    <message>
        <source>schema version {version}, this player uses {schema_version}</source>
        <translation>スキーマのバージョンは {version} ですが、このプレーヤーは {schema_version} を使います。</translation>
    </message>
    <message>
        <source>the library index {path} cannot be written: {e}</source>
        <translation>ライブラリの索引 {path} に書き込めません: {e}</translation>
    </message>
    <message>
        <source>the library index {path} is damaged ({e}); restart Insured Player to rebuild it from the library files</source>
        <translation>ライブラリの索引 {path} が壊れています（{e}）。Insured Player を再起動すると、ライブラリのファイルから作り直します。</translation>
    </message>
    <message>
        <source>the library index {path} cannot be used: {e}</source>
        <translation>ライブラリの索引 {path} を使えません: {e}</translation>
    </message>
    <message>
        <source>install and unlock gnome-keyring (or KWallet) — Insured Player never stores keys in a file</source>
        <translation>gnome-keyring（または KWallet）をインストールしてロックを解除してください。Insured Player は鍵をファイルに保存しません</translation>
    </message>
    <message>
        <source>no usable OS keyring (found {name}); {install_hint}</source>
        <translation>使える OS のキーリングがありません（見つかったのは {name}）。{install_hint}</translation>
    </message>
    <message>
        <source>a keyring namespace is a non-empty name without &apos;/&apos;</source>
        <translation>キーリングの名前空間は &apos;/&apos; を含まない空でない名前です。</translation>
    </message>
    <message>
        <source>the keyring entry for policy {policy_id} is not a private key</source>
        <translation>保険契約 {policy_id} のキーリング項目が秘密鍵ではありません。</translation>
    </message>
    <message>
        <source>the keyring entry for this computer&apos;s device key is not a key</source>
        <translation>このコンピューターの機器鍵のキーリング項目が鍵ではありません。</translation>
    </message>
    <message>
        <source>the insurer at {server_id} now signs with another key than the one pinned</source>
        <translation>{server_id} の保険会社が、ピン留めした鍵とは別の鍵で署名しています。</translation>
    </message>
    <message>
        <source>the keyring backend named in PYTHON_KEYRING_BACKEND ({named}) cannot be loaded ({name}: {e})</source>
        <translation>PYTHON_KEYRING_BACKEND（{named}）で指定されたキーリングのバックエンドを読み込めません（{name}: {e}）。</translation>
    </message>
    <message>
        <source>the keyring backend named in the keyring configuration cannot be loaded ({name}: {e})</source>
        <translation>キーリングの設定で指定されたバックエンドを読み込めません（{name}: {e}）。</translation>
    </message>
    <message>
        <source>the OS keyring is locked; unlock it and try again ({e})</source>
        <translation>OS のキーリングがロックされています。ロックを解除してもう一度お試しください（{e}）。</translation>
    </message>
    <message>
        <source>the OS keyring cannot be used ({e}); {install_hint}</source>
        <translation>OS のキーリングを使えません（{e}）。{install_hint}</translation>
    </message>
    <message>
        <source>an empty ID has no file name</source>
        <translation>空の ID にはファイル名がありません。</translation>
    </message>
    <message>
        <source>releasing a data directory lock that is not held</source>
        <translation>保持していないデータディレクトリのロックを解放しようとしました。</translation>
    </message>
    <message>
        <source>another task of this Insured Player is busy with this library ({where}); waited {timeout} s — try again when it has finished</source>
        <translation>この Insured Player の別の処理がこのライブラリを使用中です（{where}）。{timeout} 秒待ちました。終わってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>another Insured Player process is busy with this library ({where}); waited {timeout} s — try again when it has finished</source>
        <translation>別の Insured Player のプロセスがこのライブラリを使用中です（{where}）。{timeout} 秒待ちました。終わってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>another Insured Player process is busy with this library ({where}, held by pid {pid}); waited {timeout} s — try again when it has finished</source>
        <translation>別の Insured Player のプロセス（pid {pid}）がこのライブラリを使用中です（{where}）。{timeout} 秒待ちました。終わってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>no {username} in {service}</source>
        <translation>{service} に {username} がありません。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be set aside: {value2}</source>
        <translation>{path} は壊れていて、退避もできません: {value2}</translation>
    </message>
    <message>
        <source>a playlist needs a name</source>
        <translation>プレイリストには名前が必要です。</translation>
    </message>
    <message>
        <source>a playlist&apos;s name has at most {max_name} characters</source>
        <translation>プレイリストの名前は最大 {max_name} 文字です。</translation>
    </message>
    <message>
        <source>it is larger than {value1} MiB</source>
        <translation>{value1} MiB より大きいファイルです</translation>
    </message>
    <message>
        <source>it is not JSON text (cut short, or overwritten)</source>
        <translation>JSON テキストではありません（途中で切れているか上書きされています）</translation>
    </message>
    <message>
        <source>it is not a playlist</source>
        <translation>プレイリストではありません</translation>
    </message>
    <message>
        <source>it is in format {version}, which this player does not read</source>
        <translation>このプレーヤーが読めない形式 {version} です</translation>
    </message>
    <message>
        <source>its fields are {doc}, not {keys}</source>
        <translation>フィールドが {keys} ではなく {doc} です</translation>
    </message>
    <message>
        <source>it has no name</source>
        <translation>名前がありません</translation>
    </message>
    <message>
        <source>its entries are not a list of at most {max_entries}</source>
        <translation>項目が最大 {max_entries} 件のリストではありません</translation>
    </message>
    <message>
        <source>entry {value1} does not have the fields {entry_keys}</source>
        <translation>項目 {value1} にフィールド {entry_keys} がありません</translation>
    </message>
    <message>
        <source>entry {value1} has a field that is not text</source>
        <translation>項目 {value1} にテキストでないフィールドがあります</translation>
    </message>
    <message>
        <source>entry {value1} has no length in milliseconds</source>
        <translation>項目 {value1} にミリ秒単位の長さがありません</translation>
    </message>
    <message>
        <source>entry {value1} has neither a content ID nor a title</source>
        <translation>項目 {value1} にコンテンツ ID もタイトルもありません</translation>
    </message>
    <message>
        <source>no such playlist</source>
        <translation>そのプレイリストはありません。</translation>
    </message>
    <message>
        <source>the playlist file {path} cannot be read: {why}; it is left as it is</source>
        <translation>プレイリストファイル {path} を読み込めません: {why}。ファイルはそのまま残してあります。</translation>
    </message>
    <message>
        <source>a playlist is kept in at most {value1} MiB, and this one would be more</source>
        <translation>プレイリストは最大 {value1} MiB までですが、これはそれを超えます。</translation>
    </message>
    <message>
        <source>no such playlist (deleted meanwhile)</source>
        <translation>そのプレイリストはありません（その間に削除されました）。</translation>
    </message>
    <message>
        <source>no download of {content_id} to finish</source>
        <translation>完了させる {content_id} のダウンロードはありません。</translation>
    </message>
    <message>
        <source>the file of track {content_id} is missing</source>
        <translation>曲 {content_id} のファイルがありません。</translation>
    </message>
    <message>
        <source>not a storable track: {info}</source>
        <translation>保存できる曲ではありません: {info}</translation>
    </message>
    <message>
        <source>it is larger than {value1} MiB, more than any playlist needs</source>
        <translation>{value1} MiB より大きく、プレイリストに必要な大きさを超えています</translation>
    </message>
    <message>
        <source>it is XSPF version {version}; this player reads versions 0 and 1</source>
        <translation>XSPF バージョン {version} です。このプレーヤーが読めるのはバージョン 0 と 1 です</translation>
    </message>
    <message>
        <source>it has no track list (an XSPF playlist needs a trackList element)</source>
        <translation>曲のリストがありません（XSPF プレイリストには trackList 要素が必要です）</translation>
    </message>
    <message>
        <source>its elements are nested more than {max_depth} deep</source>
        <translation>要素の入れ子が {max_depth} 段を超えています</translation>
    </message>
    <message>
        <source>it holds more than {max_elements} elements</source>
        <translation>要素が {max_elements} 個を超えています</translation>
    </message>
    <message>
        <source>it declares a document type or entities, which a playlist never needs (refused unread: entities can expand a small file into gigabytes)</source>
        <translation>プレイリストには不要な文書型またはエンティティを宣言しています（読まずに拒否しました。エンティティは小さなファイルを何ギガバイトにも膨らませることがあります）</translation>
    </message>
    <message>
        <source>it is not well-formed XML (line {line})</source>
        <translation>整形式の XML ではありません（{line} 行目）</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>空です</translation>
    </message>
    <message>
        <source>it is not in the XSPF namespace ({namespace}): a playlist element of another format</source>
        <translation>XSPF の名前空間（{namespace}）のものではありません。別の形式の playlist 要素です</translation>
    </message>
    <message>
        <source>it is not an XSPF playlist (its root element is {element})</source>
        <translation>XSPF プレイリストではありません（ルート要素が {element} です）</translation>
    </message>
    <message>
        <source>this library belongs to {owner}; sign in as {owner2}, or give {username} a library of their own (--data-dir, or another INSURED_PLAYER_DATA_DIR)</source>
        <translation>このライブラリは {owner} のものです。{owner2} としてサインインするか、{username} 用に別のライブラリを用意してください（--data-dir、または別の INSURED_PLAYER_DATA_DIR）。</translation>
    </message>
    <message>
        <source>not signed in: run `signup USER` or `login USER` first</source>
        <translation>サインインしていません。先に `signup USER` または `login USER` を実行してください。</translation>
    </message>
    <message>
        <source>signed out on this computer: sign in as {owner} to go on</source>
        <translation>このコンピューターではサインアウトしています。続けるには {owner} としてサインインしてください。</translation>
    </message>
    <message>
        <source>no insurance yet: run `insure` first</source>
        <translation>まだ保険がありません。先に `insure` を実行してください。</translation>
    </message>
    <message>
        <source>the insurer sent a policy for another user</source>
        <translation>保険会社から別のユーザーの保険契約が送られてきました。</translation>
    </message>
    <message>
        <source>the policy {policy_id} is not kept on this computer</source>
        <translation>保険契約 {policy_id} はこのコンピューターに保存されていません。</translation>
    </message>
    <message>
        <source>the key of your insurance policy is not in this computer&apos;s keyring: recover your library</source>
        <translation>保険契約の鍵がこのコンピューターのキーリングにありません。ライブラリを復旧してください。</translation>
    </message>
    <message>
        <source>license {license_id} was issued to someone else</source>
        <translation>ライセンス {license_id} は別の人に発行されたものです。</translation>
    </message>
    <message>
        <source>{url} is not an insurer&apos;s address (http://host:port or https://host)</source>
        <translation>{url} は保険会社のアドレスではありません（http://host:port または https://host）。</translation>
    </message>
    <message>
        <source>the insurer&apos;s signing key changed (now {fingerprint}...); refusing to trust it. If the insurer announced a new key, remove the old pin to accept it.</source>
        <translation>保険会社の署名鍵が変わりました（現在は {fingerprint}...）。この鍵は信頼しません。保険会社が新しい鍵を告知している場合は、古いピンを削除して受け入れてください。</translation>
    </message>
    <message>
        <source>the insurer&apos;s key is not known yet: connect once</source>
        <translation>保険会社の鍵はまだ不明です。一度接続してください。</translation>
    </message>
    <message>
        <source>{timeout_variable} must be a number of seconds, not {text}</source>
        <translation>{timeout_variable} には秒数を指定してください（{text} は不可）。</translation>
    </message>
    <message>
        <source>{codecs_variable} takes some of {known}, not {text}</source>
        <translation>{codecs_variable} には {known} のいずれかを指定してください（{text} は不可）。</translation>
    </message>
    <message>
        <source>this system cannot watch folders for changes (no inotify)</source>
        <translation>このシステムではフォルダーの変更を監視できません（inotify がありません）。</translation>
    </message>
    <message>
        <source>folders cannot be watched for changes: {reason}</source>
        <translation>フォルダーの変更を監視できません: {reason}</translation>
    </message>
    <message>
        <source>the provider sold a license for another track than it said</source>
        <translation>配信元が伝えたのとは別の曲のライセンスを販売しました。</translation>
    </message>
    <message>
        <source>the provider issued license {license_id} to someone else</source>
        <translation>配信元がライセンス {license_id} を別の人に発行しました。</translation>
    </message>
    <message>
        <source>the provider did not say where the track is</source>
        <translation>配信元が曲の場所を伝えませんでした。</translation>
    </message>
    <message>
        <source>{lid} is not a license bought without insurance in your library</source>
        <translation>{lid} はライブラリにある保険なしで購入したライセンスではありません。</translation>
    </message>
    <message>
        <source>no license list cached yet: connect to the insurer once</source>
        <translation>ライセンスリストがまだ保存されていません。一度保険会社に接続してください</translation>
    </message>
    <message>
        <source>not in the cached license list: it is asked of the insurer when online</source>
        <translation>保存済みのライセンスリストにありません。オンライン時に保険会社に確認します</translation>
    </message>
    <message>
        <source>no track or license {content_or_license_id} in your library</source>
        <translation>ライブラリに曲またはライセンス {content_or_license_id} がありません。</translation>
    </message>
    <message>
        <source>the insurer at {url} answered with something that is not a license list ({e})</source>
        <translation>{url} の保険会社からライセンスリストではない応答が返りました（{e}）。</translation>
    </message>
    <message>
        <source>{id_or_path} is not in your music: add it (or its folder) first</source>
        <translation>{id_or_path} は自分の音楽にありません。先にそれ（またはそのフォルダー）を追加してください。</translation>
    </message>
    <message>
        <source>{name} cannot be played: {folder} cannot be reached now (is its drive plugged in?)</source>
        <translation>{name} を再生できません。{folder} に今はアクセスできません（ドライブは接続されていますか？）。</translation>
    </message>
    <message>
        <source>{name} cannot be played: {path} cannot be read</source>
        <translation>{name} を再生できません。{path} を読み込めません。</translation>
    </message>
    <message>
        <source>{name} cannot be played: {path} is no longer there</source>
        <translation>{name} を再生できません。{path} はもうありません。</translation>
    </message>
    <message>
        <source>{path} was not added: {reason}</source>
        <translation>{path} は追加されませんでした: {reason}</translation>
    </message>
    <message>
        <source>nothing was added: none of these is a folder or an audio file</source>
        <translation>何も追加されませんでした。フォルダーまたは音声ファイルがありません。</translation>
    </message>
    <message>
        <source>{gone} is not one of the folders or files you added</source>
        <translation>{gone} は追加したフォルダーやファイルではありません。</translation>
    </message>
    <message>
        <source>there is no playlist named {name_or_id} (`playlist list` shows them)</source>
        <translation>{name_or_id} という名前のプレイリストはありません（`playlist list` で一覧できます）。</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path} を読み込めません: {reason}</translation>
    </message>
    <message>
        <source>the file {name} cannot be imported: {why}</source>
        <translation>ファイル {name} をインポートできません: {why}</translation>
    </message>
    <message>
        <source>no track {unknown} in your library (`library` lists them)</source>
        <translation>ライブラリに曲 {unknown} がありません（`library` で一覧できます）。</translation>
    </message>
    <message>
        <source>a playlist holds at most {max_entries} tracks</source>
        <translation>プレイリストに入れられるのは最大 {max_entries} 曲です。</translation>
    </message>
    <message>
        <source>there is already a playlist named “{name}”</source>
        <translation>「{name}」という名前のプレイリストはすでにあります。</translation>
    </message>
    <message>
        <source>the preview of {content_id} is not audio this player reads</source>
        <translation>{content_id} の試聴はこのプレーヤーが読める音声ではありません。</translation>
    </message>
    <message>
        <source>the preview of {content_id} is {sniffed} labelled {said}</source>
        <translation>{content_id} の試聴は {said} と表示された {sniffed} です。</translation>
    </message>
    <message>
        <source>the preview of {content_id} came as {said}, which was not asked for</source>
        <translation>{content_id} の試聴が要求していない {said} で届きました。</translation>
    </message>
    <message>
        <source>{provider_name} has no checkout of its own: buy through the insurer</source>
        <translation>{provider_name} には独自の購入窓口がありません。保険会社を通して購入してください。</translation>
    </message>
    <message>
        <source>{provider_name} sells “{title}” at its own checkout only</source>
        <translation>{provider_name} は「{title}」を独自の購入窓口でのみ販売しています。</translation>
    </message>
    <message>
        <source>the insurer delivered a package for another license than it said</source>
        <translation>保険会社が伝えたのとは別のライセンスのパッケージを届けました。</translation>
    </message>
    <message>
        <source>{error}: report it lost to choose an alternate</source>
        <translation>{error}: 紛失を報告して代替曲を選んでください</translation>
    </message>
    <message>
        <source>{error}: report it lost, and {insurer} sends its audio again</source>
        <translation>{error}。紛失を届け出れば {insurer} が音源を再送します</translation>
    </message>
    <message>
        <source>no license here plays {content_id}: report its license lost first</source>
        <translation>{content_id} を再生できるライセンスがここにありません。先にライセンスの紛失を届け出てください</translation>
    </message>
    <message>
        <source>the audio sent again does not open with your license</source>
        <translation>再送された音源があなたのライセンスで開けません</translation>
    </message>
    <message>
        <source>no license here plays {content_id}</source>
        <translation>{content_id} を再生できるライセンスがここにありません</translation>
    </message>
    <message>
        <source>the insurer sent receipt {named} as {receipt_id}</source>
        <translation>保険会社が領収書 {named} を {receipt_id} として送ってきました。</translation>
    </message>
    <message>
        <source>you have no receipt {receipt_id}: `receipts` lists the ones you have</source>
        <translation>領収書 {receipt_id} はありません。`receipts` で手元の領収書を一覧できます。</translation>
    </message>
    <message>
        <source>{path} is not a receipt (over {limit} KiB)</source>
        <translation>{path} は領収書ではありません（{limit} KiB を超えています）。</translation>
    </message>
    <message>
        <source>receipt {receipt_id} was issued to someone else, not to you</source>
        <translation>領収書 {receipt_id} はあなたではなく別の人に発行されたものです。</translation>
    </message>
    <message>
        <source>the receipt is not signed by your insurer nor by a provider it works with: it cannot be trusted</source>
        <translation>この領収書はあなたの保険会社にも提携する配信元にも署名されていないため、信頼できません。</translation>
    </message>
    <message>
        <source>{what} came compressed ({encoding}) although it was asked not to be</source>
        <translation>{what} が圧縮しないよう求めたのに圧縮（{encoding}）されて届きました。</translation>
    </message>
    <message>
        <source>{what} is larger than the {limit} it can be; not reading it</source>
        <translation>{what} が上限の {limit} を超えているため、読み込みません。</translation>
    </message>
    <message>
        <source>cannot play the {mime} track: {reason} ({detail})</source>
        <translation>{mime} の曲を再生できません: {reason}（{detail}）</translation>
    </message>
    <message>
        <source>cannot play the track: {reason} ({detail})</source>
        <translation>曲を再生できません: {reason}（{detail}）</translation>
    </message>
    <message>
        <source>the data is not audio this player can decode</source>
        <translation>このプレーヤーでデコードできる音声データではありません</translation>
    </message>
    <message>
        <source>the track could not be read</source>
        <translation>曲を読み込めませんでした</translation>
    </message>
    <message>
        <source>access to the track was denied</source>
        <translation>曲へのアクセスが拒否されました</translation>
    </message>
    <message>
        <source>the track is damaged and cannot be played: {why}</source>
        <translation>曲が破損していて再生できません: {why}</translation>
    </message>
    <message>
        <source>cannot play the track: its data cannot be read</source>
        <translation>曲を再生できません: データを読み込めません</translation>
    </message>
    <message>
        <source>the media player did not stop in time; try again</source>
        <translation>メディアプレーヤーが時間内に停止しませんでした。もう一度お試しください</translation>
    </message>
    <message>
        <source>the track is damaged and cannot be played: {message}</source>
        <translation>曲が破損しているため再生できません: {message}</translation>
    </message>
    <message>
        <source>it holds no audio</source>
        <translation>音声が含まれていません</translation>
    </message>
    <message>
        <source>cannot play the track: {path} does not exist</source>
        <translation>曲を再生できません: {path} が存在しません</translation>
    </message>
    <message>
        <source>a shared history record names no insurer</source>
        <translation>共有された履歴の記録に保険会社の名前がありません。</translation>
    </message>
    <message>
        <source>{what}: its person is not named by a pseudonym of the exchange</source>
        <translation>{what}: 人物が交換網の仮名で示されていません。</translation>
    </message>
    <message>
        <source>the bundled backend did not start; see {log}</source>
        <translation>同梱のバックエンドが起動しませんでした。{log} を確認してください。</translation>
    </message>
    <message>
        <source>the backend has no insurer {insurer}</source>
        <translation>バックエンドに保険会社 {insurer} はありません</translation>
    </message>
    <message>
        <source>you hold no policy with the insurer {insurer}</source>
        <translation>保険会社 {insurer} との保険契約はありません</translation>
    </message>
    <message>
        <source>a library kept for another insurer joins no more insurers</source>
        <translation>別の保険会社用のライブラリから、さらに保険会社を追加することはできません</translation>
    </message>
    <message>
        <source>your policy with {insurer} is not one for the audio alone: cover audio with a contents-only policy</source>
        <translation>{insurer} の保険は音源のみの保険ではありません。音源は音源のみの保険で保証してください</translation>
    </message>
    <message>
        <source>{content_id} is held under no license at another insurer</source>
        <translation>{content_id} はほかの保険会社のライセンスで保有されていません</translation>
    </message>
    <message>
        <source>the tracks named play as they are: nothing to report</source>
        <translation>指定した曲はそのまま再生できます。届け出ることはありません</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>The insurer cannot be reached: playing from the cached list.</source>
        <translation>保険会社に接続できません。保存済みのリストで再生しています。</translation>
    </message>
    <message>
        <source>Checking every track…</source>
        <translation>すべての曲を確認しています…</translation>
    </message>
    <message>
        <source>an untitled track</source>
        <translation>タイトルのない曲</translation>
    </message>
    <message>
        <source>Library checked</source>
        <translation>ライブラリを確認しました</translation>
    </message>
    <message>
        <source>All {n} track is intact.</source>
        <translation>{n} 曲すべてに問題はありません。</translation>
    </message>
    <message>
        <source>All {n} tracks are intact.</source>
        <translation>{n} 曲すべてに問題はありません。</translation>
    </message>
    <message>
        <source>Missing: {missing}; damaged: {damaged}. Your insurance can re-issue them.</source>
        <translation>見つからない曲: {missing}。破損した曲: {damaged}。保険で再発行できます。</translation>
    </message>
    <message>
        <source>Missing: {missing}. Your insurance can re-issue them.</source>
        <translation>見つからない曲: {missing}。保険で再発行できます。</translation>
    </message>
    <message>
        <source>Damaged: {damaged}. Your insurance can re-issue them.</source>
        <translation>破損した曲: {damaged}。保険で再発行できます。</translation>
    </message>
    <message>
        <source>Some tracks are lost</source>
        <translation>失われた曲があります</translation>
    </message>
    <message>
        <source>Report a Loss…</source>
        <translation>紛失を報告…</translation>
    </message>
    <message>
        <source>The built-in insurer stopped</source>
        <translation>内蔵の保険会社が停止しました</translation>
    </message>
    <message>
        <source>It is being started again. Tracks with a valid cached license keep playing meanwhile.</source>
        <translation>再起動しています。その間も、有効なライセンスが保存されている曲は再生できます。</translation>
    </message>
    <message>
        <source>The built-in insurer keeps stopping</source>
        <translation>内蔵の保険会社が停止を繰り返しています</translation>
    </message>
    <message>
        <source>The player stopped restarting it; what it said is in {log}. Tracks with a valid cached license keep playing.</source>
        <translation>プレーヤーは再起動をやめました。出力は {log} にあります。有効なライセンスが保存されている曲は引き続き再生できます。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>{n} lost track waiting for an alternate</source>
        <translation>代替曲を待っている紛失した曲が {n} 曲あります</translation>
    </message>
    <message>
        <source>{n} lost tracks waiting for an alternate</source>
        <translation>代替曲を待っている紛失した曲が {n} 曲あります</translation>
    </message>
    <message>
        <source>The insurer could not re-issue it and offers alternates instead: choose one when you like.</source>
        <translation>保険会社はこの曲を再発行できなかったため、代わりに代替曲を用意しています。都合のよいときに選んでください。</translation>
    </message>
    <message>
        <source>The insurer could not re-issue them and offers alternates instead: choose one when you like.</source>
        <translation>保険会社はこれらの曲を再発行できなかったため、代わりに代替曲を用意しています。都合のよいときに選んでください。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選ぶ…</translation>
    </message>
    <message>
        <source>No alternates to choose</source>
        <translation>選べる代替曲はありません</translation>
    </message>
    <message>
        <source>No lost track is waiting for you to choose an alternate.</source>
        <translation>代替曲の選択を待っている紛失した曲はありません。</translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>Sign out {owner}?</source>
        <translation>{owner} をサインアウトしますか？</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>サインアウトしますか？</translation>
    </message>
    <message>
        <source>Your library, licenses and insurance stay on this computer, but nothing plays until you sign in again.</source>
        <translation>ライブラリ、ライセンス、保険はこのコンピューターに残りますが、再びサインインするまで何も再生できません。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Insured Player</source>
        <translation>Insured Player へようこそ</translation>
    </message>
    <message>
        <source>Contacting the insurer…</source>
        <translation>保険会社に接続しています…</translation>
    </message>
    <message>
        <source>The insurer keeps your account and your insurance.</source>
        <translation>アカウントと保険は保険会社が管理しています。</translation>
    </message>
    <message>
        <source>Insurer: the backend bundled with the player</source>
        <translation>保険会社: プレーヤーに同梱のバックエンド</translation>
    </message>
    <message>
        <source>Insurer: the server the player was started with</source>
        <translation>保険会社: 起動時に指定されたサーバー</translation>
    </message>
    <message>
        <source>The insurer cannot be reached</source>
        <translation>保険会社に接続できません</translation>
    </message>
    <message>
        <source>Signing up, taking out insurance and buying need a connection. Check your connection and retry, or work offline: tracks you already have keep playing.</source>
        <translation>アカウントの作成、保険の契約、購入には接続が必要です。接続を確認して再試行するか、オフラインで作業してください。お持ちの曲は引き続き再生できます。</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>アカウントを作成しています…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>サインインしています…</translation>
    </message>
    <message>
        <source>Taking out insurance…</source>
        <translation>保険を契約しています…</translation>
    </message>
    <message>
        <source>Take out insurance</source>
        <translation>保険に加入</translation>
    </message>
    <message>
        <source>{title}: {text}</source>
        <translation>{title}: {text}</translation>
    </message>
</context>
<context>
    <name>FirstRunPages</name>
    <message>
        <source>Enter a user name.</source>
        <translation>ユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>A user name is 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>ユーザー名は、英字・数字・ドット・ハイフン・アンダースコアの 2～32 文字です。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
    <message>
        <source>Choose a password of at least {n} characters.</source>
        <translation>{n} 文字以上のパスワードを設定してください。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>2 つのパスワードが一致しません。</translation>
    </message>
    <message>
        <source>1. Your insurer</source>
        <translation>1. 保険会社</translation>
    </message>
    <message>
        <source>2. Your account</source>
        <translation>2. アカウント</translation>
    </message>
    <message>
        <source>3. Insurance</source>
        <translation>3. 保険</translation>
    </message>
    <message>
        <source>4. The store</source>
        <translation>4. ストア</translation>
    </message>
    <message>
        <source>1. Your account</source>
        <translation>1. アカウント</translation>
    </message>
    <message>
        <source>2. Insurance</source>
        <translation>2. 保険</translation>
    </message>
    <message>
        <source>3. The store</source>
        <translation>3. ストア</translation>
    </message>
    <message>
        <source>You are signed in to your account: there is no step to go back to.</source>
        <translation>アカウントにサインイン済みです。戻る手順はありません。</translation>
    </message>
    <message>
        <source>Your insurance is taken out: there is no step to go back to.</source>
        <translation>保険に加入済みです。戻る手順はありません。</translation>
    </message>
    <message>
        <source>Your account is insured already: there is no step to go back to.</source>
        <translation>アカウントはすでに保険に加入しています。戻る手順はありません。</translation>
    </message>
    <message>
        <source>Contacting the insurer…</source>
        <translation>保険会社に接続しています…</translation>
    </message>
    <message>
        <source>Contacting the insurer</source>
        <translation>保険会社に接続中</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Try to reach the insurer again</source>
        <translation>保険会社への接続を再試行</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>オフラインで作業</translation>
    </message>
    <message>
        <source>Close this and use the library offline</source>
        <translation>これを閉じてライブラリをオフラインで使う</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>New account or sign in</source>
        <translation>新しいアカウントまたはサインイン</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>パスワード（確認）:</translation>
    </message>
    <message>
        <source>E-mail address, optional</source>
        <translation>メールアドレス（任意）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Insurers know one person by it across companies, and keep only a code made from it: a loss is compensated once, however many insurers insure the track.</source>
        <translation>保険会社は会社をまたいで同じ人をこれで識別し、そこから作ったコードだけを保存します。曲を何社で保険に入れていても、紛失の補償は一度だけです。</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>メール:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Your account with the insurer</source>
        <translation>保険会社のアカウント</translation>
    </message>
    <message>
        <source>Your purchases and their insurance belong to your account. The password goes to the insurer only; this computer keeps a session key in its keyring.</source>
        <translation>購入した曲とその保険はアカウントに属します。パスワードは保険会社にだけ送られ、このコンピューターはセッションキーをキーリングに保存します。</translation>
    </message>
    <message>
        <source>Loading the terms…</source>
        <translation>約款を読み込んでいます…</translation>
    </message>
    <message>
        <source>The terms in numbers</source>
        <translation>約款の数値</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>保険料</translation>
    </message>
    <message>
        <source>Guarantee period</source>
        <translation>保証期間</translation>
    </message>
    <message>
        <source>Waiting period</source>
        <translation>待機期間</translation>
    </message>
    <message>
        <source>Re-licensing limit per track</source>
        <translation>1 曲あたりの再ライセンス上限</translation>
    </message>
    <message>
        <source>Re-licensing limit in total</source>
        <translation>再ライセンスの総上限</translation>
    </message>
    <message>
        <source>Price difference limit</source>
        <translation>価格差の上限</translation>
    </message>
    <message>
        <source>Insurer key fingerprint</source>
        <translation>保険会社の鍵のフィンガープリント</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>Check with the insurer on every play (a lower premium)</source>
        <translation>再生のたびに保険会社に確認する（保険料が安くなります）</translation>
    </message>
    <message>
        <source>While online, each play first asks the insurer whether the license is still valid, so a track replaced from another computer stops at once. Offline, tracks play as usual.</source>
        <translation>オンライン時は再生のたびにライセンスがまだ有効かを保険会社に確認するため、別のコンピューターで置き換えられた曲はすぐに停止します。オフライン時は通常どおり再生します。</translation>
    </message>
    <message>
        <source>What the policy covers</source>
        <translation>保険の対象</translation>
    </message>
    <message>
        <source>The license and the audio</source>
        <translation>ライセンスと音源</translation>
    </message>
    <message>
        <source>The license only (you keep the audio yourself)</source>
        <translation>ライセンスのみ (音源はご自身で保管)</translation>
    </message>
    <message>
        <source>The audio only (of tracks whose license another insurer covers)</source>
        <translation>音源のみ (ライセンスをほかの保険会社が保証している曲)</translation>
    </message>
    <message>
        <source>I have read these terms and accept them</source>
        <translation>約款を読み、同意します</translation>
    </message>
    <message>
        <source>Take out insurance</source>
        <translation>保険に加入</translation>
    </message>
    <message>
        <source>Covers:</source>
        <translation>保険の対象:</translation>
    </message>
    <message>
        <source>Go to the store</source>
        <translation>ストアへ</translation>
    </message>
    <message>
        <source>You are insured</source>
        <translation>保険に加入しました</translation>
    </message>
    <message>
        <source>As the insurer wrote them: {terms}</source>
        <translation>保険会社の原文: {terms}</translation>
    </message>
    <message>
        <source>{rate} of the price</source>
        <translation>価格の {rate}</translation>
    </message>
    <message>
        <source>{rate}, paid with each purchase</source>
        <translation>{rate}（購入のたびにお支払い）</translation>
    </message>
    <message>
        <source>{cover}: {premium} a track</source>
        <translation>{cover}: 1 曲 {premium}</translation>
    </message>
    <message>
        <source>{n} day from the contract</source>
        <translation>契約から {n} 日</translation>
    </message>
    <message>
        <source>{n} days from the contract</source>
        <translation>契約から {n} 日</translation>
    </message>
    <message>
        <source>None: claims are accepted from the day of the contract</source>
        <translation>なし（契約日から請求できます）</translation>
    </message>
    <message>
        <source>{n} day: claims are accepted after that</source>
        <translation>{n} 日（その後から請求できます）</translation>
    </message>
    <message>
        <source>{n} days: claims are accepted after that</source>
        <translation>{n} 日（その後から請求できます）</translation>
    </message>
    <message>
        <source>{n} time per track</source>
        <translation>1 曲あたり {n} 回</translation>
    </message>
    <message>
        <source>{n} times per track</source>
        <translation>1 曲あたり {n} 回</translation>
    </message>
    <message>
        <source>{n} time in total</source>
        <translation>合計 {n} 回</translation>
    </message>
    <message>
        <source>{n} times in total</source>
        <translation>合計 {n} 回</translation>
    </message>
    <message>
        <source>An alternate may cost up to {amount} more</source>
        <translation>代替曲は最大 {amount} まで高くなることがあります</translation>
    </message>
    <message>
        <source>Check with the insurer on every play: premiums {percent} lower</source>
        <translation>再生のたびに保険会社に確認する（保険料が {percent} 安くなります）</translation>
    </message>
    <message>
        <source>{every_play} instead of {usual} on a typical track. While online, each play first asks the insurer whether the license is still valid; offline, tracks play as usual.</source>
        <translation>一般的な曲で {usual} のところ {every_play} です。オンライン時は再生のたびにライセンスがまだ有効かを保険会社に確認し、オフライン時は通常どおり再生します。</translation>
    </message>
    <message>
        <source>Your account is insured already. The store has both providers&apos; catalogs.</source>
        <translation>このアカウントはすでに保険に加入しています。ストアでは両方の配信元のカタログを利用できます。</translation>
    </message>
    <message>
        <source>Your policy is in force until {day}. It becomes official with your first insured purchase. Every track you buy in the store is insured under it: if it is lost, the insurer re-distributes it. The Insurance page shows the conditions and what is left.</source>
        <translation>保険契約は {day} まで有効です。最初の保険付きの購入で正式な契約になります。ストアで購入した曲はすべてこの契約で保険付きになり、紛失した場合は保険会社が再配布します。条件と残りの回数は「保険」ページで確認できます。</translation>
    </message>
    <message>
        <source>Your policy is in force until {day}. It is official. Every track you buy in the store is insured under it: if it is lost, the insurer re-distributes it. The Insurance page shows the conditions and what is left.</source>
        <translation>保険契約は {day} まで有効です。正式な契約です。ストアで購入した曲はすべてこの契約で保険付きになり、紛失した場合は保険会社が再配布します。条件と残りの回数は「保険」ページで確認できます。</translation>
    </message>
</context>
<context>
    <name>InsuranceData</name>
    <message>
        <source>Re-issued (the same track)</source>
        <translation>再発行（同じ曲）</translation>
    </message>
    <message>
        <source>Alternate chosen</source>
        <translation>代替曲を選択</translation>
    </message>
    <message>
        <source>Version upgrade</source>
        <translation>新しいバージョン</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Provisional (becomes official with the first insured purchase)</source>
        <translation>仮契約（保険付きの最初の購入で正式になります）</translation>
    </message>
    <message>
        <source>The guarantee period ended on {day}</source>
        <translation>保証期間は {day} に終了しました</translation>
    </message>
    <message>
        <source>Claims accepted from {day}</source>
        <translation>{day} から請求できます</translation>
    </message>
    <message>
        <source>Waiting period: {n} day left (claims accepted from {day})</source>
        <translation>待機期間：残り {n} 日（{day} から請求できます）</translation>
    </message>
    <message>
        <source>Waiting period: {n} days left (claims accepted from {day})</source>
        <translation>待機期間：残り {n} 日（{day} から請求できます）</translation>
    </message>
    <message>
        <source>Your cover ended on {day} · claims left: {left} of {total} · up to {per_track} per track</source>
        <translation>補償は {day} に終了しました · 残りの請求：{total} 回中 {left} 回 · 1 曲あたり最大 {per_track} 回</translation>
    </message>
    <message>
        <source>You’re covered until {day} · claims left: {left} of {total} · up to {per_track} per track</source>
        <translation>{day} まで補償されます · 残りの請求：{total} 回中 {left} 回 · 1 曲あたり最大 {per_track} 回</translation>
    </message>
    <message>
        <source>Your cover ended on {day} · up to {total} claims in all (the count shows when online) · up to {per_track} per track</source>
        <translation>補償は {day} に終了しました · 請求は合計で最大 {total} 回（回数はオンライン時に表示されます） · 1 曲あたり最大 {per_track} 回</translation>
    </message>
    <message>
        <source>You’re covered until {day} · up to {total} claims in all (the count shows when online) · up to {per_track} per track</source>
        <translation>{day} まで補償されます · 請求は合計で最大 {total} 回（回数はオンライン時に表示されます） · 1 曲あたり最大 {per_track} 回</translation>
    </message>
    <message>
        <source>A claim costs nothing: a lost track is re-issued free. When it cannot be re-issued you choose an alternate costing up to {limit} more, at no charge. {waiting}. To claim, choose Report a Loss.</source>
        <translation>請求に費用はかかりません。紛失した曲は無料で再発行されます。再発行できないときは、{limit} 高いものまでの代替曲を無料で選べます。{waiting}。請求するには「紛失を報告」を選んでください。</translation>
    </message>
    <message>
        <source>a track no longer here</source>
        <translation>ここにはもうない曲</translation>
    </message>
    <message>
        <source>{premium}; covers the license only (you keep the audio)</source>
        <translation>{premium}。ライセンスのみを保証 (音源はご自身で保管)</translation>
    </message>
    <message>
        <source>{premium}; covers the audio only, not the license</source>
        <translation>{premium}。音源のみを保証 (ライセンスは対象外)</translation>
    </message>
    <message>
        <source>{price} per track</source>
        <translation>1 曲あたり {price}</translation>
    </message>
    <message>
        <source>{rates}, paid with each purchase</source>
        <translation>{rates}（購入のたびにお支払い）</translation>
    </message>
</context>
<context>
    <name>InsuranceTabs</name>
    <message>
        <source>Premium</source>
        <translation>保険料</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>補償期間</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>請求</translation>
    </message>
    <message>
        <source>Replacements per track</source>
        <translation>1 曲あたりの交換</translation>
    </message>
    <message>
        <source>Replacements in all</source>
        <translation>交換の合計</translation>
    </message>
    <message>
        <source>Alternates</source>
        <translation>代替曲</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>契約番号</translation>
    </message>
    <message>
        <source>Policy holder</source>
        <translation>契約者</translation>
    </message>
    <message>
        <source>Licenses covered</source>
        <translation>補償対象のライセンス</translation>
    </message>
    <message>
        <source>Policy state</source>
        <translation>契約の状態</translation>
    </message>
    <message>
        <source>Your policy key</source>
        <translation>あなたの保険契約の鍵</translation>
    </message>
    <message>
        <source>The insurer&apos;s key</source>
        <translation>保険会社の鍵</translation>
    </message>
    <message>
        <source>Insured since</source>
        <translation>加入日</translation>
    </message>
    <message>
        <source>Replacements so far</source>
        <translation>これまでの交換</translation>
    </message>
    <message>
        <source>Value replaced so far</source>
        <translation>これまでに交換した金額</translation>
    </message>
    <message>
        <source>List version</source>
        <translation>リストのバージョン</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>発行日時</translation>
    </message>
    <message>
        <source>Offline playback until</source>
        <translation>オフライン再生の期限</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>What your policy covers</source>
        <translation>保険契約の補償内容</translation>
    </message>
    <message>
        <source>Your policy</source>
        <translation>あなたの保険契約</translation>
    </message>
    <message>
        <source>Hide IDs</source>
        <translation>ID を隠す</translation>
    </message>
    <message>
        <source>Show or hide the guaranteed license IDs</source>
        <translation>補償対象のライセンス ID を表示または非表示</translation>
    </message>
    <message>
        <source>Guaranteed license IDs</source>
        <translation>補償対象のライセンス ID</translation>
    </message>
    <message>
        <source>The licenses this policy covers, each with its track</source>
        <translation>この保険契約が補償するライセンスと、その曲</translation>
    </message>
    <message>
        <source>Replacements used and left</source>
        <translation>交換の使用回数と残り</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>曲</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>残り</translation>
    </message>
    <message>
        <source>Replacements used and left per track</source>
        <translation>曲ごとの交換の使用回数と残り</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>What was replaced, and when</source>
        <translation>交換した曲とその日時</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保険会社</translation>
    </message>
    <message>
        <source>What was given</source>
        <translation>補償の内容</translation>
    </message>
    <message>
        <source>What your insurers told each other about you</source>
        <translation>保険会社どうしで共有されたあなたの情報</translation>
    </message>
    <message>
        <source>Shared between your insurers</source>
        <translation>保険会社間で共有</translation>
    </message>
    <message>
        <source>Insurers tell each other of each loss they compensate, naming you by a code only they can work out from your e-mail address: a loss is compensated once, and many losses in a short time at several insurers are looked at together.</source>
        <translation>保険会社は補償した紛失を互いに知らせます。あなたは、メールアドレスから保険会社だけが導けるコードで示されます。紛失の補償は一度だけで、短期間に複数の保険会社で多くの紛失があれば、保険会社どうしで確認します。</translation>
    </message>
    <message>
        <source>The same track, re-issued</source>
        <translation>同じ曲を再発行</translation>
    </message>
    <message>
        <source>An alternate</source>
        <translation>代替曲</translation>
    </message>
    <message>
        <source>The license, re-issued</source>
        <translation>ライセンスを再発行</translation>
    </message>
    <message>
        <source>The file, sent again</source>
        <translation>ファイルを再送</translation>
    </message>
    <message>
        <source>License list, signed by the insurer</source>
        <translation>保険会社が署名したライセンスリスト</translation>
    </message>
    <message>
        <source>License ID</source>
        <translation>ライセンス ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Invalidated on</source>
        <translation>無効になった日</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>License list</source>
        <translation>ライセンスリスト</translation>
    </message>
    <message>
        <source>Show IDs</source>
        <translation>ID を表示</translation>
    </message>
</context>
<context>
    <name>InsuranceView</name>
    <message>
        <source>Your insurance</source>
        <translation>あなたの保険</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Refresh the insurance details</source>
        <translation>保険の詳細を更新</translation>
    </message>
    <message>
        <source>Insure tracks bought without insurance…</source>
        <translation>保険なしで購入した曲に保険をかける…</translation>
    </message>
    <message>
        <source>Report a Loss…</source>
        <translation>紛失を報告…</translation>
    </message>
    <message>
        <source>Report a lost track or a crashed library</source>
        <translation>紛失した曲やライブラリの破損を報告</translation>
    </message>
    <message>
        <source>Your cover</source>
        <translation>補償内容</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>No insurance yet</source>
        <translation>まだ保険に加入していません</translation>
    </message>
    <message>
        <source>Take out insurance to buy insured tracks; the terms are shown before you accept.</source>
        <translation>保険付きの曲を購入するには保険に加入してください。同意する前に規約が表示されます。</translation>
    </message>
    <message>
        <source>Take out insurance…</source>
        <translation>保険に加入…</translation>
    </message>
    <message>
        <source>Offline: showing the policy and license list kept on this computer</source>
        <translation>オフライン：このコンピューターに保存された保険契約とライセンスリストを表示しています</translation>
    </message>
    <message>
        <source>The counts used and left and the history need a connection to the insurer.</source>
        <translation>使用回数と残り、および履歴の表示には保険会社への接続が必要です。</translation>
    </message>
    <message>
        <source>Not insured</source>
        <translation>保険なし</translation>
    </message>
    <message>
        <source>{n} license</source>
        <translation>{n} 件のライセンス</translation>
    </message>
    <message>
        <source>{n} licenses</source>
        <translation>{n} 件のライセンス</translation>
    </message>
    <message>
        <source>{premium} (every play is checked with the insurer while online)</source>
        <translation>{premium}（オンライン中は再生のたびに保険会社に確認します）</translation>
    </message>
    <message>
        <source>{start} to {end} ({n} day left)</source>
        <translation>{start} 〜 {end}（残り {n} 日）</translation>
    </message>
    <message>
        <source>{start} to {end} ({n} days left)</source>
        <translation>{start} 〜 {end}（残り {n} 日）</translation>
    </message>
    <message>
        <source>{n} time per track</source>
        <translation>1 曲あたり {n} 回</translation>
    </message>
    <message>
        <source>{n} times per track</source>
        <translation>1 曲あたり {n} 回</translation>
    </message>
    <message>
        <source>{n} time in total</source>
        <translation>合計 {n} 回</translation>
    </message>
    <message>
        <source>{n} times in total</source>
        <translation>合計 {n} 回</translation>
    </message>
    <message>
        <source>An alternate may cost up to {limit} more than the original</source>
        <translation>代替曲は元の曲より {limit} 高いものまで選べます</translation>
    </message>
    <message>
        <source>Not insured yet.</source>
        <translation>まだ保険に加入していません。</translation>
    </message>
    <message>
        <source>Take out insurance, and a lost track is re-issued free.</source>
        <translation>保険に加入すると、紛失した曲は無料で再発行されます。</translation>
    </message>
    <message>
        <source>Limits: {n} re-licensing in total, {per_track} per track. The counts used and left need a connection to the insurer.</source>
        <translation>上限：再ライセンスは合計 {n} 回、1 曲あたり {per_track} 回。使用回数と残りの表示には保険会社への接続が必要です。</translation>
    </message>
    <message>
        <source>Limits: {n} re-licensings in total, {per_track} per track. The counts used and left need a connection to the insurer.</source>
        <translation>上限：再ライセンスは合計 {n} 回、1 曲あたり {per_track} 回。使用回数と残りの表示には保険会社への接続が必要です。</translation>
    </message>
    <message>
        <source>In total: {used} of {total} used, {left} left</source>
        <translation>合計：{total} 回中 {used} 回使用、残り {left} 回</translation>
    </message>
    <message>
        <source>{left} of {total}</source>
        <translation>{total} 回中 {left} 回</translation>
    </message>
    <message>
        <source>An alternate for {title}</source>
        <translation>「{title}」の代替曲</translation>
    </message>
    <message>
        <source>The history is kept by the insurer: it shows when you are online.</source>
        <translation>履歴は保険会社が保管しています。オンラインのときに表示されます。</translation>
    </message>
    <message>
        <source>{moment} ({left} from now)</source>
        <translation>{moment}（あと {left}）</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>無効</translation>
    </message>
</context>
<context>
    <name>InsureDialog</name>
    <message>
        <source>Insure tracks</source>
        <translation>曲に保険をかける</translation>
    </message>
    <message>
        <source>Insure {n} track bought without insurance?</source>
        <translation>保険なしで購入した {n} 曲に保険をかけますか？</translation>
    </message>
    <message>
        <source>Insure {n} tracks bought without insurance?</source>
        <translation>保険なしで購入した {n} 曲に保険をかけますか？</translation>
    </message>
    <message>
        <source>Tracks to insure and their premiums</source>
        <translation>保険をかける曲とその保険料</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>曲</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>保険料</translation>
    </message>
    <message>
        <source>Asking the insurer for the premiums…</source>
        <translation>保険会社に保険料を問い合わせています…</translation>
    </message>
    <message>
        <source>Insure</source>
        <translation>保険をかける</translation>
    </message>
    <message>
        <source>Premium together: {total}. Once insured, a lost track or license is re-issued under your policy; the audio you have stays as it is.</source>
        <translation>保険料の合計：{total}。保険をかけると、紛失した曲やライセンスは保険契約に基づいて再発行されます。手元の音声ファイルはそのまま残ります。</translation>
    </message>
    <message>
        <source>Insuring…</source>
        <translation>保険をかけています…</translation>
    </message>
    <message>
        <source>a track</source>
        <translation>ある曲</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Insured: {tracks}.</source>
        <translation>保険をかけました：{tracks}。</translation>
    </message>
    <message>
        <source>Not insured: {track}: {why}</source>
        <translation>保険をかけられませんでした：{track}：{why}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Some tracks could not be insured</source>
        <translation>保険をかけられなかった曲があります</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>{title}. {text}</source>
        <translation>{title}。{text}</translation>
    </message>
</context>
<context>
    <name>InsurerChoice</name>
    <message>
        <source>&lt;h3&gt;Choose your insurer&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;保険会社を選ぶ&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Each insurer has its own terms: the premium, how long the cover lasts, how soon after the contract a loss is covered and how often a track is re-issued. You can take a policy with another insurer later, beside this one.</source>
        <translation>保険会社ごとに条件が異なります。保険料、保証期間、契約後いつから紛失が補償されるか、曲を何回再発行できるか。あとから別の保険会社とも、これと並べて契約できます。</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>保険料</translation>
    </message>
    <message>
        <source>Cover lasts</source>
        <translation>保証期間</translation>
    </message>
    <message>
        <source>Losses covered after</source>
        <translation>紛失の補償開始</translation>
    </message>
    <message>
        <source>Re-issues per track</source>
        <translation>曲ごとの再発行</translation>
    </message>
    <message>
        <source>Re-issues in all</source>
        <translation>再発行の合計</translation>
    </message>
    <message>
        <source>An alternate may cost more by</source>
        <translation>代替曲の差額上限</translation>
    </message>
    <message>
        <source>Insurer&apos;s key</source>
        <translation>保険会社の鍵</translation>
    </message>
    <message>
        <source>{insurer}: yours already</source>
        <translation>{insurer}: 契約済み</translation>
    </message>
    <message>
        <source>Choose {insurer}</source>
        <translation>{insurer} を選ぶ</translation>
    </message>
    <message>
        <source>{rate} of the price</source>
        <translation>価格の {rate}</translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation>{n} 日</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 日</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>契約日から</translation>
    </message>
    <message>
        <source>{n} time</source>
        <translation>{n} 回</translation>
    </message>
    <message>
        <source>{n} times</source>
        <translation>{n} 回</translation>
    </message>
</context>
<context>
    <name>InsurersBar</name>
    <message>
        <source>Insurer:</source>
        <translation>保険会社:</translation>
    </message>
    <message>
        <source>The insurer whose cover is shown</source>
        <translation>表示する保険会社</translation>
    </message>
    <message>
        <source>Another Insurer…</source>
        <translation>別の保険会社…</translation>
    </message>
    <message>
        <source>Take a policy with another insurer, beside this one</source>
        <translation>この契約と並べて、別の保険会社と契約する</translation>
    </message>
</context>
<context>
    <name>JoinInsurerDialog</name>
    <message>
        <source>Another Insurer</source>
        <translation>別の保険会社</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Take a policy with another insurer&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;別の保険会社と契約する&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Asking the backend for its insurers…</source>
        <translation>バックエンドに保険会社を問い合わせています…</translation>
    </message>
    <message>
        <source>You hold a policy with every insurer this backend works with.</source>
        <translation>このバックエンドのすべての保険会社と契約済みです。</translation>
    </message>
    <message>
        <source>Contacting the insurer…</source>
        <translation>保険会社に接続しています…</translation>
    </message>
    <message>
        <source>{title}: {text}</source>
        <translation>{title}: {text}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <comment>the code of the language this catalog is in: ja for Japanese</comment>
        <translation>ja</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Insured Player: {title}</source>
        <translation>Insured Player: {title}</translation>
    </message>
</context>
<context>
    <name>LibraryBrowser</name>
    <message>
        <source>Unknown artist</source>
        <translation>不明なアーティスト</translation>
    </message>
    <message>
        <source>Unknown album</source>
        <translation>不明なアルバム</translation>
    </message>
    <message>
        <source>Various artists</source>
        <translation>さまざまなアーティスト</translation>
    </message>
    <message>
        <source>All matches ({n})</source>
        <translation>一致したすべての曲 ({n})</translation>
    </message>
    <message>
        <source>Browse by artist and album</source>
        <translation>アーティストとアルバムで表示</translation>
    </message>
    <message>
        <source>All music ({n})</source>
        <translation>すべての音楽 ({n})</translation>
    </message>
    <message>
        <source>{name} ({n})</source>
        <translation>{name} ({n})</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>アーティスト</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>アルバム</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>ジャンル</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>配信元</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保険</translation>
    </message>
    <message>
        <source>License</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Disc</source>
        <translation>ディスク</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Album artist</source>
        <translation>アルバムアーティスト</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保険会社</translation>
    </message>
    <message>
        <source>Track number</source>
        <translation>トラック番号</translation>
    </message>
    <message>
        <source>Disc number</source>
        <translation>ディスク番号</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>{insurer}; audio: {audio}</source>
        <translation>{insurer} (音源: {audio})</translation>
    </message>
    <message>
        <source>The track&apos;s file is missing: play it to fetch it again, or use File &gt; Report a Loss.</source>
        <translation>この曲のファイルが見つかりません。再生すると再取得します。または「ファイル &gt; 紛失を報告」を使ってください。</translation>
    </message>
    <message>
        <source>The cached license list says this license is valid: it plays, online or offline.</source>
        <translation>保存済みのライセンスリストでは、このライセンスは有効です。オンラインでもオフラインでも再生できます。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>理由は示されていません</translation>
    </message>
    <message>
        <source>Replaces an earlier copy:</source>
        <translation>以前のコピーに代わるものです:</translation>
    </message>
    <message>
        <source>Replaces {n} earlier copies:</source>
        <translation>以前の {n} 個のコピーに代わるものです:</translation>
    </message>
    <message>
        <source>this track</source>
        <translation>この曲</translation>
    </message>
    <message>
        <source>• {title}: {what}</source>
        <translation>• {title}: {what}</translation>
    </message>
    <message>
        <source>Untitled track</source>
        <translation>タイトルのない曲</translation>
    </message>
    <message>
        <source>Insured</source>
        <translation>保険付き</translation>
    </message>
    <message>
        <source>Not insured</source>
        <translation>保険なし</translation>
    </message>
    <message>
        <source>{state} · file missing</source>
        <translation>{state}・ファイルなし</translation>
    </message>
    <message>
        <source>Bought without insurance: a loss is not covered. Choose Insure… to insure it.</source>
        <translation>保険なしで購入した曲です。紛失しても補償されません。保険をかけるには「保険をかける…」を選んでください。</translation>
    </message>
    <message>
        <source>Insured: if the track is lost, your insurer re-issues it.</source>
        <translation>保険付き: 曲を紛失しても、保険会社が再発行します。</translation>
    </message>
    <message>
        <source>This copy does not play: {reason}</source>
        <translation>このコピーは再生できません: {reason}</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Search, or artist:, album:, genre:  (Ctrl+F)</source>
        <translation>検索、または artist:、album:、genre:  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Words match anywhere; artist:marlow, album:&quot;night shift&quot;, genre:, title: or provider: look in that field only; year:2016, year:2010-2019 or year:&gt;2015 by year.</source>
        <translation>語句はどの項目にも一致します。artist:marlow、album:&quot;night shift&quot;、genre:、title:、provider: はその項目だけを検索します。year:2016、year:2010-2019、year:&gt;2015 で年を指定できます。</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>ライブラリを検索</translation>
    </message>
    <message>
        <source>Number of tracks shown</source>
        <translation>表示中の曲数</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Insure…</source>
        <translation>保険をかける…</translation>
    </message>
    <message>
        <source>Insure the selected tracks bought without insurance</source>
        <translation>保険なしで購入した選択中の曲に保険をかける</translation>
    </message>
    <message>
        <source>Insure tracks bought without insurance (all of them, or those selected)</source>
        <translation>保険なしで購入した曲に保険をかけます（すべて、または選択した曲）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your library is empty&lt;/h3&gt;&lt;p&gt;Tracks you buy with insurance appear here. If they are ever lost, the insurer gives them back.&lt;/p&gt;&lt;p&gt;Music you already have can join them: add its folder, or drop files here. It plays from where it is.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ライブラリは空です&lt;/h3&gt;&lt;p&gt;保険付きで購入した曲がここに表示されます。紛失しても、保険会社が取り戻してくれます。&lt;/p&gt;&lt;p&gt;お持ちの音楽も一緒に置けます。フォルダーを追加するか、ここにファイルをドロップしてください。今ある場所から再生されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the Store</source>
        <translation>ストアを開く</translation>
    </message>
    <message>
        <source>Add Music…</source>
        <translation>音楽を追加…</translation>
    </message>
    <message>
        <source>Add Music</source>
        <translation>音楽を追加</translation>
    </message>
    <message>
        <source>&lt;h3&gt;You are signed out&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;サインアウトしています&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>サインイン…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;You are signed out&lt;/h3&gt;&lt;p&gt;Your library is kept on this computer. Sign in as {owner} to play it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;サインアウトしています&lt;/h3&gt;&lt;p&gt;ライブラリはこのコンピューターに保存されています。再生するには {owner} としてサインインしてください。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Play Next</source>
        <translation>次に再生</translation>
    </message>
    <message>
        <source>Add to Queue</source>
        <translation>キューに追加</translation>
    </message>
    <message>
        <source>Report as Lost…</source>
        <translation>紛失を報告…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>履歴…</translation>
    </message>
    <message>
        <source>No provider sells this recording</source>
        <translation>この録音を販売している配信元はありません</translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation>保存先のフォルダーを開く</translation>
    </message>
    <message>
        <source>Remove “{name}” from the Library…</source>
        <translation>「{name}」をライブラリから削除…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>This track</source>
        <translation>この曲</translation>
    </message>
    <message>
        <source>{title}: the copy you have now plays.</source>
        <translation>{title}: 現在お持ちのコピーが再生されます。</translation>
    </message>
    <message>
        <source>No earlier copy was replaced.</source>
        <translation>置き換えられた以前のコピーはありません。</translation>
    </message>
    <message>
        <source>{n} track</source>
        <translation>{n} 曲</translation>
    </message>
    <message>
        <source>{n} tracks</source>
        <translation>{n} 曲</translation>
    </message>
    <message>
        <source>{shown} of {n} track</source>
        <translation>{n} 曲中 {shown} 曲</translation>
    </message>
    <message>
        <source>{shown} of {n} tracks</source>
        <translation>{n} 曲中 {shown} 曲</translation>
    </message>
</context>
<context>
    <name>LossData</name>
    <message>
        <source>Re-issued</source>
        <translation>再発行済み</translation>
    </message>
    <message>
        <source>Audio sent again</source>
        <translation>音源を再送</translation>
    </message>
    <message>
        <source>Choose an alternate</source>
        <translation>代替曲を選ぶ</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>交換済み</translation>
    </message>
</context>
<context>
    <name>LossDialog</name>
    <message>
        <source>Report a loss</source>
        <translation>紛失の報告</translation>
    </message>
    <message>
        <source>Untitled track</source>
        <translation>無題の曲</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>File damaged</source>
        <translation>ファイルが壊れています</translation>
    </message>
    <message>
        <source>License not confirmed yet</source>
        <translation>ライセンスは未確認です</translation>
    </message>
    <message>
        <source>Not insured</source>
        <translation>保険なし</translation>
    </message>
    <message>
        <source>{title} {text}</source>
        <translation>{title}：{text}</translation>
    </message>
    <message>
        <source>Recover library</source>
        <translation>ライブラリを復旧</translation>
    </message>
    <message>
        <source>Report loss</source>
        <translation>紛失を報告</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recovering your library…&lt;/b&gt;</source>
        <translation>&lt;b&gt;ライブラリを復旧しています…&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sending your report to the insurer…&lt;/b&gt;</source>
        <translation>&lt;b&gt;保険会社に報告を送っています…&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Waiting for the insurer…</source>
        <translation>保険会社の応答を待っています…</translation>
    </message>
    <message>
        <source>Ready to play.</source>
        <translation>再生できます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The insurer declined this claim.&lt;/b&gt; {why}&lt;br&gt;Nothing was re-distributed and nothing was counted against your limits.</source>
        <translation>&lt;b&gt;保険会社はこの請求を断りました。&lt;/b&gt;{why}&lt;br&gt;再配布されたものはなく、上限の回数にも数えられていません。</translation>
    </message>
    <message>
        <source>The report was not sent. {why}</source>
        <translation>報告は送られませんでした。{why}</translation>
    </message>
</context>
<context>
    <name>LossPages</name>
    <message>
        <source>No preference</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>Tick the tracks you lost: a deleted or damaged file, or a license gone missing. Each is re-issued by the insurer that covers it, or, when its supplier no longer distributes it, that insurer offers alternates.</source>
        <translation>紛失した曲にチェックを入れてください（削除や破損したファイル、なくなったライセンス）。それぞれの曲はその曲を保険している保険会社が再発行します。配信元がもう配信していない曲には、その保険会社が代替曲を提示します。</translation>
    </message>
    <message>
        <source>Checking the library</source>
        <translation>ライブラリを確認中</translation>
    </message>
    <message>
        <source>Checking every track file in your library…</source>
        <translation>ライブラリのすべての曲ファイルを確認しています…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>アーティスト</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>アルバム</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>ジャンル</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保険会社</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>確認結果</translation>
    </message>
    <message>
        <source>Insured tracks to report as lost</source>
        <translation>紛失として報告する保険付きの曲</translation>
    </message>
    <message>
        <source>My whole library is gone (recover)</source>
        <translation>ライブラリ全体がなくなった（復旧する）</translation>
    </message>
    <message>
        <source>After a disk crash or on a new computer: new keys are made for your policy and every insured track is re-distributed.</source>
        <translation>ディスクの故障後や新しいコンピューターで：保険契約の新しい鍵が作られ、保険付きの曲がすべて再配布されます。</translation>
    </message>
    <message>
        <source>Preferred genre for alternates</source>
        <translation>代替曲の希望ジャンル</translation>
    </message>
    <message>
        <source>Preferred genre for alternates:</source>
        <translation>代替曲の希望ジャンル：</translation>
    </message>
    <message>
        <source>Report loss</source>
        <translation>紛失を報告</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sending your report to the insurer…&lt;/b&gt;</source>
        <translation>&lt;b&gt;保険会社に報告を送っています…&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The insurer checks your policy&apos;s limits and asks each track&apos;s supplier to issue it again; re-issued tracks are downloaded now.</source>
        <translation>保険会社が保険契約の上限を確認し、各曲の配信元に再発行を依頼します。再発行された曲はすぐにダウンロードされます。</translation>
    </message>
    <message>
        <source>Progress of the report</source>
        <translation>報告の進み具合</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>曲</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>What became of each reported track</source>
        <translation>報告した各曲の結果</translation>
    </message>
    <message>
        <source>Choose an alternate…</source>
        <translation>代替曲を選ぶ…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>LossWords</name>
    <message>
        <source>The check could not finish: {why}</source>
        <translation>確認を完了できませんでした：{why}</translation>
    </message>
    <message>
        <source>The check found {n} track missing or damaged; it is ticked below.</source>
        <translation>確認の結果、{n} 曲がないか壊れていました。下でチェックを入れてあります。</translation>
    </message>
    <message>
        <source>The check found {n} tracks missing or damaged; they are ticked below.</source>
        <translation>確認の結果、{n} 曲がないか壊れていました。下でチェックを入れてあります。</translation>
    </message>
    <message>
        <source>Every track file is intact. Tick any track whose license you lost.</source>
        <translation>すべての曲ファイルは無事です。ライセンスを紛失した曲にチェックを入れてください。</translation>
    </message>
    <message>
        <source>{finding} You have no insured tracks yet.</source>
        <translation>{finding}まだ保険付きの曲はありません。</translation>
    </message>
    <message>
        <source>{why} {n} alternate offered.</source>
        <translation>{why}代替曲が {n} 曲提示されています。</translation>
    </message>
    <message>
        <source>{why} {n} alternates offered.</source>
        <translation>{why}代替曲が {n} 曲提示されています。</translation>
    </message>
    <message>
        <source>Replaced by “{title}” by {artist} ({provider}); in your library, ready to play.</source>
        <translation>{artist} の「{title}」（{provider}）に交換しました。ライブラリに入っており、すぐに再生できます。</translation>
    </message>
    <message>
        <source>Downloading: {done} of {total} MB</source>
        <translation>ダウンロード中：{total} MB 中 {done} MB</translation>
    </message>
    <message>
        <source>Downloading: {done} MB</source>
        <translation>ダウンロード中：{done} MB</translation>
    </message>
    <message>
        <source>{n} track re-issued and ready to play</source>
        <translation>{n} 曲を再発行しました（再生できます）</translation>
    </message>
    <message>
        <source>{n} tracks re-issued and ready to play</source>
        <translation>{n} 曲を再発行しました（再生できます）</translation>
    </message>
    <message>
        <source>{n} track&apos;s audio sent again by the insurer of its audio</source>
        <translation>{n} 曲の音源を音源の保険会社が再送しました</translation>
    </message>
    <message>
        <source>{n} tracks&apos; audio sent again by the insurer of their audio</source>
        <translation>{n} 曲の音源を音源の保険会社が再送しました</translation>
    </message>
    <message>
        <source>{n} track replaced by an alternate</source>
        <translation>{n} 曲を代替曲に交換しました</translation>
    </message>
    <message>
        <source>{n} tracks replaced by an alternate</source>
        <translation>{n} 曲を代替曲に交換しました</translation>
    </message>
    <message>
        <source>{n} track waiting for you to choose an alternate</source>
        <translation>{n} 曲が代替曲の選択を待っています</translation>
    </message>
    <message>
        <source>{n} tracks waiting for you to choose an alternate</source>
        <translation>{n} 曲が代替曲の選択を待っています</translation>
    </message>
    <message>
        <source>{n} track refused</source>
        <translation>{n} 曲が拒否されました</translation>
    </message>
    <message>
        <source>{n} tracks refused</source>
        <translation>{n} 曲が拒否されました</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was re-distributed.&lt;/b&gt;</source>
        <translation>&lt;b&gt;再配布されたものはありません。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of the result&apos;s summary</comment>
        <translation>。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{parts}.&lt;/b&gt;</source>
        <translation>&lt;b&gt;{parts}。&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>ストア</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保険</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>領収書</translation>
    </message>
    <message>
        <source>Up Next</source>
        <translation>再生キュー</translation>
    </message>
    <message>
        <source>Insured Player is still playing</source>
        <translation>Insured Player は再生を続けています</translation>
    </message>
    <message>
        <source>It keeps playing in the tray. Choose Quit there (or press Ctrl+Q) to stop.</source>
        <translation>トレイで再生を続けます。止めるにはトレイの「終了」を選ぶか、Ctrl+Q を押してください。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Act on the message</source>
        <translation>メッセージに対応</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>メッセージを閉じる</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>the server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Please sign in</source>
        <translation>サインインしてください</translation>
    </message>
    <message>
        <source>Sign in again to continue.</source>
        <translation>続けるには再度サインインしてください。</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>サインアウトしています</translation>
    </message>
    <message>
        <source>Sign in (File &gt; Sign In…) to go on.</source>
        <translation>続けるにはサインインしてください（ファイル &gt; サインイン…）。</translation>
    </message>
    <message>
        <source>The insurer declined</source>
        <translation>保険会社に断られました</translation>
    </message>
    <message>
        <source>Check the limits on the Insurance page.</source>
        <translation>「保険」ページで上限を確認してください。</translation>
    </message>
    <message>
        <source>This copy was replaced</source>
        <translation>このコピーは置き換えられました</translation>
    </message>
    <message>
        <source>The copy that replaced it is in your library with a valid license: play that one.</source>
        <translation>置き換えたコピーが有効なライセンスとともにライブラリにあります。そちらを再生してください。</translation>
    </message>
    <message>
        <source>This track cannot play</source>
        <translation>この曲は再生できません</translation>
    </message>
    <message>
        <source>Connect to the insurer to refresh your licenses, or report the track as lost if it was replaced.</source>
        <translation>保険会社に接続してライセンスを更新するか、置き換えられた曲であれば紛失を報告してください。</translation>
    </message>
    <message>
        <source>The insurer&apos;s key changed</source>
        <translation>保険会社の鍵が変わりました</translation>
    </message>
    <message>
        <source>Your licenses are safe; the player will not trust this insurer until its new key is confirmed.</source>
        <translation>ライセンスは安全です。新しい鍵が確認されるまで、プレーヤーはこの保険会社を信頼しません。</translation>
    </message>
    <message>
        <source>The supplier is not answering</source>
        <translation>配信元が応答していません</translation>
    </message>
    <message>
        <source>The insurer is online: try again later. Tracks you have keep playing meanwhile.</source>
        <translation>保険会社には接続できています。しばらくしてからもう一度お試しください。その間も、お持ちの曲は再生できます。</translation>
    </message>
    <message>
        <source>The insurer cannot be reached</source>
        <translation>保険会社に接続できません</translation>
    </message>
    <message>
        <source>Check your connection and retry; tracks with a valid cached license keep playing offline.</source>
        <translation>接続を確認して再試行してください。有効なライセンスが保存されている曲はオフラインでも再生できます。</translation>
    </message>
    <message>
        <source>Damaged data</source>
        <translation>データの破損</translation>
    </message>
    <message>
        <source>Run &apos;Check library&apos; and report damaged tracks as lost.</source>
        <translation>「ライブラリを確認」を実行し、破損した曲の紛失を報告してください。</translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation>キーリングがありません</translation>
    </message>
    <message>
        <source>Then restart Insured Player.</source>
        <translation>その後、Insured Player を再起動してください。</translation>
    </message>
    <message>
        <source>Your library cannot be changed now</source>
        <translation>現在ライブラリを変更できません</translation>
    </message>
    <message>
        <source>Cannot write the library</source>
        <translation>ライブラリに書き込めません</translation>
    </message>
    <message>
        <source>Free some disk space or check the folder&apos;s permissions.</source>
        <translation>ディスクの空き容量を確保するか、フォルダーのアクセス権を確認してください。</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>実行できません</translation>
    </message>
    <message>
        <source>Your music cannot be used</source>
        <translation>自分の音楽を使用できません</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>まだできません</translation>
    </message>
    <message>
        <source>The insurer answered with something the player cannot use</source>
        <translation>保険会社からプレーヤーが扱えない応答がありました</translation>
    </message>
    <message>
        <source>The insurer did not answer</source>
        <translation>保険会社から応答がありません</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <source>{error} (details are in the log).</source>
        <translation>{error}（詳細はログにあります）。</translation>
    </message>
</context>
<context>
    <name>MusicActions</name>
    <message>
        <source>Audio files ({patterns});;All files (*)</source>
        <translation>音声ファイル ({patterns});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Add Music</source>
        <translation>音楽を追加</translation>
    </message>
    <message>
        <source>Add Music Folder</source>
        <translation>音楽フォルダーを追加</translation>
    </message>
    <message>
        <source>Reading your music: {done} of {n} file…</source>
        <translation>自分の音楽を読み込んでいます: {n} 個中 {done} 個…</translation>
    </message>
    <message>
        <source>Reading your music: {done} of {n} files…</source>
        <translation>自分の音楽を読み込んでいます: {n} 個中 {done} 個…</translation>
    </message>
    <message>
        <source>it plays from where it is and is not insured</source>
        <translation>元の場所から再生され、保険はかかりません</translation>
    </message>
    <message>
        <source>they play from where they are and are not insured</source>
        <translation>元の場所から再生され、保険はかかりません</translation>
    </message>
    <message>
        <source>Music added</source>
        <translation>音楽を追加しました</translation>
    </message>
    <message>
        <source>No music added</source>
        <translation>音楽は追加されませんでした</translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>新しい曲はありません</translation>
    </message>
    <message>
        <source>Some of your music cannot be reached</source>
        <translation>自分の音楽の一部にアクセスできません</translation>
    </message>
    <message>
        <source>{where} cannot be reached now. Its tracks stay in the library, greyed, and play again once it is back (is its drive plugged in?).</source>
        <translation>{where} に現在アクセスできません。その曲はグレー表示のままライブラリに残り、戻ればまた再生できます（ドライブは接続されていますか？）。</translation>
    </message>
    <message>
        <source>Some music folders are not watched</source>
        <translation>監視されていない音楽フォルダーがあります</translation>
    </message>
    <message>
        <source>The system would not watch {n} more folder for changes (its limit of watched folders is reached). Changes there show when the player starts next.</source>
        <translation>監視できるフォルダー数の上限に達したため、さらに {n} 個のフォルダーの変更を監視できませんでした。そこでの変更は次回プレーヤーを起動したときに反映されます。</translation>
    </message>
    <message>
        <source>The system would not watch {n} more folders for changes (its limit of watched folders is reached). Changes there show when the player starts next.</source>
        <translation>監視できるフォルダー数の上限に達したため、さらに {n} 個のフォルダーの変更を監視できませんでした。そこでの変更は次回プレーヤーを起動したときに反映されます。</translation>
    </message>
    <message>
        <source>Remove from the library</source>
        <translation>ライブラリから削除</translation>
    </message>
    <message>
        <source>Stop showing the music in {place}?</source>
        <translation>{place} の音楽を表示しないようにしますか？</translation>
    </message>
    <message>
        <source>Its tracks leave the library. The files themselves stay where they are.</source>
        <translation>その曲はライブラリから削除されます。ファイル自体は元の場所に残ります。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>メッセージを閉じる</translation>
    </message>
    <message>
        <source>{title}. {text}</source>
        <translation>{title}。{text}</translation>
    </message>
</context>
<context>
    <name>NowPlaying</name>
    <message>
        <source>“{title}” cannot play</source>
        <translation>「{title}」を再生できません</translation>
    </message>
    <message>
        <source>This track cannot play</source>
        <translation>この曲は再生できません</translation>
    </message>
    <message>
        <source>This copy was {reason}: it no longer plays.</source>
        <translation>このコピーはもう再生できません（{reason}）。</translation>
    </message>
    <message>
        <source>Its file is missing from this computer and the insurer cannot be reached to send it again. If the license is gone too, report a loss: the insurer re-issues it.</source>
        <translation>この曲のファイルがこのコンピューターに見つからず、再送してもらうための保険会社にも接続できません。ライセンスも失われている場合は紛失を報告してください。保険会社が再発行します。</translation>
    </message>
    <message>
        <source>“{title}” stopped</source>
        <translation>「{title}」が停止しました</translation>
    </message>
    <message>
        <source>The track stopped</source>
        <translation>曲が停止しました</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Retry connecting to the insurer</source>
        <translation>保険会社への接続を再試行</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>オフラインで作業</translation>
    </message>
    <message>
        <source>Stop trying the insurer until you press Retry</source>
        <translation>「再試行」を押すまで保険会社への接続をやめます</translation>
    </message>
    <message>
        <source>Tracks with a valid cached license keep playing {grace}. Buying, loss reports and the license list need the insurer; the player retries every minute.</source>
        <translation>有効なライセンスが保存されている曲は {grace} 再生できます。購入、紛失の報告、ライセンスリストには保険会社が必要です。プレーヤーは 1 分ごとに再試行します。</translation>
    </message>
    <message>
        <source>Tracks with a valid cached license keep playing (but {grace}: connect to play them). Buying, loss reports and the license list need the insurer; the player retries every minute.</source>
        <translation>有効なライセンスが保存されている曲は再生できます（ただし、{grace}。再生するには接続してください）。購入、紛失の報告、ライセンスリストには保険会社が必要です。プレーヤーは 1 分ごとに再試行します。</translation>
    </message>
    <message>
        <source>Offline: the insurer cannot be reached</source>
        <translation>オフライン: 保険会社に接続できません</translation>
    </message>
</context>
<context>
    <name>OwnMusic</name>
    <message>
        <source>{kind} files are not a format this player plays</source>
        <translation>{kind} ファイルはこのプレーヤーで再生できる形式ではありません</translation>
    </message>
    <message>
        <source>it is not an audio file this player reads</source>
        <translation>このプレーヤーで読み込める音声ファイルではありません</translation>
    </message>
    <message>
        <source>there is no such file or folder</source>
        <translation>そのようなファイルやフォルダーはありません</translation>
    </message>
    <message>
        <source>{where} cannot be reached now (is its drive plugged in?)</source>
        <translation>{where} に現在アクセスできません（ドライブは接続されていますか？）</translation>
    </message>
    <message>
        <source>it is not audio in a format this player reads</source>
        <translation>このプレーヤーで読み込める形式の音声ではありません</translation>
    </message>
    <message>
        <source>it cannot be read ({why})</source>
        <translation>読み込めません（{why}）</translation>
    </message>
    <message>
        <source>it is a damaged {kind} file</source>
        <translation>破損した {kind} ファイルです</translation>
    </message>
    <message>
        <source>the {kind} file holds no audio</source>
        <translation>{kind} ファイルに音声が含まれていません</translation>
    </message>
</context>
<context>
    <name>OwnRows</name>
    <message>
        <source>Your file (not insured)</source>
        <translation>あなたのファイル（保険なし）</translation>
    </message>
    <message>
        <source>Buy Insured…</source>
        <translation>保険付きで購入…</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>アクセスできません</translation>
    </message>
    <message>
        <source>{provider} sells this recording insured ({price} and {premium} insurance): right-click and choose {buy}</source>
        <translation>{provider}がこの録音を保険付きで販売しています（{price}、保険料 {premium}）。右クリックして「{buy}」を選んでください</translation>
    </message>
    <message>
        <source>Your own file, played from where it is: {path}</source>
        <translation>自分のファイルです。今ある場所から再生されます: {path}</translation>
    </message>
    <message>
        <source>It cannot be played now: {why}</source>
        <translation>現在再生できません: {why}</translation>
    </message>
    <message>
        <source>Not insured: the insurer knows nothing of it, and a loss of it is not covered.</source>
        <translation>保険なし: 保険会社はこのファイルを把握しておらず、紛失しても補償されません。</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>Repeat: off</source>
        <translation>リピート: オフ</translation>
    </message>
    <message>
        <source>Repeat: all tracks</source>
        <translation>リピート: 全曲</translation>
    </message>
    <message>
        <source>Repeat: this track</source>
        <translation>リピート: この曲</translation>
    </message>
    <message>
        <source>Shuffle: off</source>
        <translation>シャッフル: オフ</translation>
    </message>
    <message>
        <source>Shuffle: tracks</source>
        <translation>シャッフル: 曲</translation>
    </message>
    <message>
        <source>Shuffle: albums</source>
        <translation>シャッフル: アルバム</translation>
    </message>
    <message>
        <source>Cover art</source>
        <translation>カバー画像</translation>
    </message>
    <message>
        <source>Nothing playing</source>
        <translation>再生していません</translation>
    </message>
    <message>
        <source>Track title</source>
        <translation>曲のタイトル</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>アーティスト</translation>
    </message>
    <message>
        <source>Previous track</source>
        <translation>前の曲</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Next track</source>
        <translation>次の曲</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>全体の長さ</translation>
    </message>
    <message>
        <source>Seek</source>
        <translation>再生位置</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>ミュート</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Unmute (M)</source>
        <translation>ミュート解除 (M)</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>ミュート (M)</translation>
    </message>
    <message>
        <source>{action}, volume {percent}% (wheel to change)</source>
        <translation>{action}、音量 {percent}%（ホイールで変更）</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>ミュート解除</translation>
    </message>
    <message>
        <source>Double-click a track to play it</source>
        <translation>曲をダブルクリックすると再生します</translation>
    </message>
    <message>
        <source>{artist} — {album}</source>
        <translation>{artist} — {album}</translation>
    </message>
    <message>
        <source>Cover of {title}</source>
        <translation>{title} のカバー</translation>
    </message>
    <message>
        <source>No cover</source>
        <translation>カバーなし</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Volume {percent}%</source>
        <translation>音量 {percent}%</translation>
    </message>
</context>
<context>
    <name>PlaylistList</name>
    <message>
        <source>Playlists</source>
        <translation>プレイリスト</translation>
    </message>
    <message>
        <source>New playlist (Ctrl+N)</source>
        <translation>新しいプレイリスト (Ctrl+N)</translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation>新しいプレイリスト</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>New Playlist</source>
        <translation>新しいプレイリスト</translation>
    </message>
    <message>
        <source>Import Playlist…</source>
        <translation>プレイリストをインポート…</translation>
    </message>
</context>
<context>
    <name>PlaylistModel</name>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>アーティスト</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>アルバム</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Untitled track</source>
        <translation>タイトルのない曲</translation>
    </message>
    <message>
        <source>This track is not in your library. The playlist keeps its place: it plays once you own it.</source>
        <translation>この曲はライブラリにありません。プレイリスト内の位置はそのまま残り、曲を入手すると再生されます。</translation>
    </message>
    <message>
        <source>This copy does not play: {reason}</source>
        <translation>このコピーは再生できません: {reason}</translation>
    </message>
</context>
<context>
    <name>PlaylistPage</name>
    <message>
        <source>This playlist is empty. Drag tracks here from the library or from Up Next, or choose Add to Playlist in a track&apos;s menu (Ctrl+Shift+A).</source>
        <translation>このプレイリストは空です。ライブラリや再生キューから曲をここにドラッグするか、曲のメニューで「プレイリストに追加」を選んでください (Ctrl+Shift+A)。</translation>
    </message>
    <message>
        <source>Playlist name</source>
        <translation>プレイリスト名</translation>
    </message>
    <message>
        <source>The playlist&apos;s name: click it or press F2 to rename</source>
        <translation>プレイリスト名: クリックするか F2 キーを押すと名前を変更できます</translation>
    </message>
    <message>
        <source>What the playlist holds</source>
        <translation>プレイリストの内容</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Play the playlist from its first track</source>
        <translation>プレイリストを最初の曲から再生</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Export the playlist as an XSPF file</source>
        <translation>プレイリストを XSPF ファイルとしてエクスポート</translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation>プレイリスト</translation>
    </message>
    <message>
        <source>{n} track</source>
        <translation>{n} 曲</translation>
    </message>
    <message>
        <source>{n} tracks</source>
        <translation>{n} 曲</translation>
    </message>
    <message>
        <source>{tracks} · {length}</source>
        <translation>{tracks}・{length}</translation>
    </message>
    <message>
        <source>{said} · {n} not playable here</source>
        <translation>{said}・{n} 曲はここでは再生できません</translation>
    </message>
    <message>
        <source>Play Next</source>
        <translation>次に再生</translation>
    </message>
    <message>
        <source>Add to Queue</source>
        <translation>キューに追加</translation>
    </message>
    <message>
        <source>Remove from Playlist</source>
        <translation>プレイリストから削除</translation>
    </message>
</context>
<context>
    <name>PlaylistWords</name>
    <message>
        <source>New Playlist</source>
        <translation>新しいプレイリスト</translation>
    </message>
    <message>
        <source>Playlists cannot be read</source>
        <translation>プレイリストを読み込めません</translation>
    </message>
    <message>
        <source>The playlist cannot be made</source>
        <translation>プレイリストを作成できません</translation>
    </message>
    <message>
        <source>The playlist cannot be renamed</source>
        <translation>プレイリストの名前を変更できません</translation>
    </message>
    <message>
        <source>The playlist cannot be deleted</source>
        <translation>プレイリストを削除できません</translation>
    </message>
    <message>
        <source>The tracks cannot be added</source>
        <translation>曲を追加できません</translation>
    </message>
    <message>
        <source>The playlist cannot be reordered</source>
        <translation>プレイリストを並べ替えられません</translation>
    </message>
    <message>
        <source>The playlist cannot be changed</source>
        <translation>プレイリストを変更できません</translation>
    </message>
    <message>
        <source>The playlist cannot be imported</source>
        <translation>プレイリストをインポートできません</translation>
    </message>
    <message>
        <source>The playlist cannot be exported</source>
        <translation>プレイリストをエクスポートできません</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>プレイリスト</translation>
    </message>
    <message>
        <source>XSPF playlists (*.xspf)</source>
        <translation>XSPF プレイリスト (*.xspf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Added {n} track to “{name}”.</source>
        <translation>{n} 曲を「{name}」に追加しました。</translation>
    </message>
    <message>
        <source>Added {n} tracks to “{name}”.</source>
        <translation>{n} 曲を「{name}」に追加しました。</translation>
    </message>
    <message>
        <source>Added {n} track to play next.</source>
        <translation>{n} 曲を次に再生するよう追加しました。</translation>
    </message>
    <message>
        <source>Added {n} tracks to play next.</source>
        <translation>{n} 曲を次に再生するよう追加しました。</translation>
    </message>
    <message>
        <source>Added {n} track to the end of the queue.</source>
        <translation>{n} 曲をキューの最後に追加しました。</translation>
    </message>
    <message>
        <source>Added {n} tracks to the end of the queue.</source>
        <translation>{n} 曲をキューの最後に追加しました。</translation>
    </message>
    <message>
        <source>Exported “{name}” ({n} track) to {file}.</source>
        <translation>「{name}」（{n} 曲）を {file} にエクスポートしました。</translation>
    </message>
    <message>
        <source>Exported “{name}” ({n} tracks) to {file}.</source>
        <translation>「{name}」（{n} 曲）を {file} にエクスポートしました。</translation>
    </message>
    <message>
        <source>“{title}” does not play: it is not in your library.</source>
        <translation>「{title}」は再生できません。ライブラリにありません。</translation>
    </message>
    <message>
        <source>This track does not play: it is not in your library.</source>
        <translation>この曲は再生できません。ライブラリにありません。</translation>
    </message>
    <message>
        <source>{matched} of {n} track found in your library.</source>
        <translation>{n} 曲中 {matched} 曲がライブラリで見つかりました。</translation>
    </message>
    <message>
        <source>{matched} of {n} tracks found in your library.</source>
        <translation>{n} 曲中 {matched} 曲がライブラリで見つかりました。</translation>
    </message>
    <message>
        <source>{n} is not: kept greyed in the playlist, they play once you own them.</source>
        <translation>{n} 曲は見つかりませんでした。プレイリストには灰色で残り、曲を入手すると再生されます。</translation>
    </message>
    <message>
        <source>{n} are not: kept greyed in the playlist, they play once you own them.</source>
        <translation>{n} 曲は見つかりませんでした。プレイリストには灰色で残り、曲を入手すると再生されます。</translation>
    </message>
    <message>
        <source>{n} track with no title left out.</source>
        <translation>タイトルのない {n} 曲は除外しました。</translation>
    </message>
    <message>
        <source>{n} tracks with no title left out.</source>
        <translation>タイトルのない {n} 曲は除外しました。</translation>
    </message>
    <message>
        <source>Imported “{name}”</source>
        <translation>「{name}」をインポートしました</translation>
    </message>
    <message>
        <source>A playlist cannot be read</source>
        <translation>プレイリストを読み込めません</translation>
    </message>
    <message>
        <source>{n} playlists cannot be read</source>
        <translation>{n} 個のプレイリストを読み込めません</translation>
    </message>
    <message>
        <source>Its file is damaged ({why}), and left as it is in your library&apos;s folder. Your other playlists are fine.</source>
        <translation>ファイルが破損しているため（{why}）、ライブラリのフォルダーにそのまま残してあります。ほかのプレイリストは問題ありません。</translation>
    </message>
    <message>
        <source>Their files are damaged ({why}), and left as they are in your library&apos;s folder. Your other playlists are fine.</source>
        <translation>ファイルが破損しているため（{why}）、ライブラリのフォルダーにそのまま残してあります。ほかのプレイリストは問題ありません。</translation>
    </message>
</context>
<context>
    <name>PlaylistsPart</name>
    <message>
        <source>&amp;New Playlist</source>
        <translation>新しいプレイリスト(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add to Playlist…</source>
        <translation>プレイリストに追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename Playlist</source>
        <translation>プレイリストの名前を変更(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete Playlist…</source>
        <translation>プレイリストを削除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import Playlist…</source>
        <translation>プレイリストをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export Playlist…</source>
        <translation>プレイリストをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Delete Playlist</source>
        <translation>プレイリストを削除</translation>
    </message>
    <message>
        <source>Delete the playlist “{name}”?</source>
        <translation>プレイリスト「{name}」を削除しますか？</translation>
    </message>
    <message>
        <source>Its tracks stay in your library.</source>
        <translation>プレイリスト内の曲はライブラリに残ります。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Import a Playlist</source>
        <translation>プレイリストをインポート</translation>
    </message>
    <message>
        <source>Export Playlist</source>
        <translation>プレイリストをエクスポート</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Track gain</source>
        <translation>トラックゲイン</translation>
    </message>
    <message>
        <source>Album gain</source>
        <translation>アルバムゲイン</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>デスクトップ</translation>
    </message>
    <message>
        <source>Show an icon in the tray</source>
        <translation>トレイにアイコンを表示する</translation>
    </message>
    <message>
        <source>Keep playing in the tray when the window is closed</source>
        <translation>ウィンドウを閉じてもトレイで再生を続ける</translation>
    </message>
    <message>
        <source>This desktop shows no tray: closing the window quits.</source>
        <translation>このデスクトップにはトレイがありません。ウィンドウを閉じると終了します。</translation>
    </message>
    <message>
        <source>Announce each new track in a desktop notification</source>
        <translation>曲が変わるたびにデスクトップ通知で知らせる</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>The player speaks {language} from its next start.</source>
        <translation>次回の起動から{language}で表示します。</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>ReplayGain</source>
        <translation>ReplayGain</translation>
    </message>
    <message>
        <source>ReplayGain:</source>
        <translation>ReplayGain:</translation>
    </message>
    <message>
        <source>Evens out loudness from the tracks&apos; own tags, never past a track&apos;s peak.</source>
        <translation>曲のタグをもとに音量をそろえます（曲のピークを超えることはありません）。</translation>
    </message>
    <message>
        <source>Your music folders</source>
        <translation>自分の音楽フォルダー</translation>
    </message>
    <message>
        <source>Folders and files of your own music</source>
        <translation>自分の音楽のフォルダーとファイル</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Played where they are, never copied or sent anywhere; watched for changes.</source>
        <translation>その場所のまま再生し、コピーや送信は一切しません。変更は自動で反映されます。</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保険会社</translation>
    </message>
    <message>
        <source>The insurer bundled with the player (the demo catalog)</source>
        <translation>プレーヤーに同梱の保険会社（デモカタログ）</translation>
    </message>
    <message>
        <source>An insurer at this address:</source>
        <translation>次のアドレスの保険会社:</translation>
    </message>
    <message>
        <source>The insurer&apos;s address</source>
        <translation>保険会社のアドレス</translation>
    </message>
    <message>
        <source>The insurer was given when the player was started; it is used instead.</source>
        <translation>起動時に保険会社が指定されたため、そちらを使用しています。</translation>
    </message>
    <message>
        <source>Used from the next start. Your licenses come from the insurer you use now: keep it while you want to play them.</source>
        <translation>次回の起動から使用します。ライセンスは現在の保険会社から発行されているため、それらの曲を再生したい間は変更しないでください。</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>再生時</translation>
    </message>
    <message>
        <source>Check with the insurer on every play (while online)</source>
        <translation>再生のたびに保険会社に確認する（オンライン時）</translation>
    </message>
    <message>
        <source>Your policy asks for this check (its premiums are lower).</source>
        <translation>ご契約の保険契約ではこの確認が必要です（その分、保険料が安くなっています）。</translation>
    </message>
    <message>
        <source>Your policy does not ask for it: with it on, a track whose license the insurer has just withdrawn stops at once instead of at the next sync.</source>
        <translation>ご契約の保険契約では必須ではありません。オンにすると、保険会社がライセンスを取り消した曲は次回の同期を待たずにすぐ停止します。</translation>
    </message>
</context>
<context>
    <name>PreviewButton</name>
    <message>
        <source>Hear a short clip of the highlighted track (P)</source>
        <translation>選択中の曲を少しだけ試聴します (P)</translation>
    </message>
    <message>
        <source>Stop Preview</source>
        <translation>試聴を停止</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>試聴</translation>
    </message>
</context>
<context>
    <name>Previewer</name>
    <message>
        <source>No preview: {why}. {text}</source>
        <translation>試聴できません（{why}）。{text}</translation>
    </message>
    <message>
        <source>The preview could not be played: {why}.</source>
        <translation>試聴を再生できませんでした: {why}。</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Up next</source>
        <translation>再生キュー</translation>
    </message>
    <message>
        <source>Nothing queued. Drag tracks here, or choose Play Next or Add to Queue.</source>
        <translation>キューは空です。ここに曲をドラッグするか、「次に再生」または「キューに追加」を選んでください。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected tracks from the queue</source>
        <translation>選択した曲をキューから削除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Clear the queue</source>
        <translation>キューをクリア</translation>
    </message>
    <message>
        <source>Untitled track</source>
        <translation>タイトルのない曲</translation>
    </message>
    <message>
        <source>{title} — {artist}</source>
        <translation>{title} — {artist}</translation>
    </message>
    <message>
        <source>{track}, from {album}</source>
        <translation>{track}（{album}）</translation>
    </message>
</context>
<context>
    <name>ReceiptPdf</name>
    <message>
        <source>Receipt</source>
        <translation>領収書</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>領収書番号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>発行者</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>曲</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保険料</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Guarantee conditions</source>
        <translation>保証条件</translation>
    </message>
    <message>
        <source>Covered from</source>
        <translation>保証開始</translation>
    </message>
    <message>
        <source>Covered until</source>
        <translation>保証終了</translation>
    </message>
    <message>
        <source>Claims possible from</source>
        <translation>請求可能日</translation>
    </message>
    <message>
        <source>Replacements per track</source>
        <translation>1 曲あたりの再発行回数</translation>
    </message>
    <message>
        <source>Replacements in all</source>
        <translation>再発行の総回数</translation>
    </message>
    <message>
        <source>Largest price difference for an alternate</source>
        <translation>代替曲の価格差の上限</translation>
    </message>
    <message>
        <source>Nothing on this receipt is insured.</source>
        <translation>この領収書には保険付きの項目はありません。</translation>
    </message>
    <message>
        <source>Signed electronically by {signer}. Insured Player checks this signature each time it shows the receipt.</source>
        <translation>{signer} による電子署名付き。Insured Player は領収書を表示するたびにこの署名を確認します。</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>領収書 {number}</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>For</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>曲</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>発行元</translation>
    </message>
    <message>
        <source>{titles} and {n} more</source>
        <translation>{titles} ほか {n} 曲</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>your account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>The receipt for {what} of {moment}</source>
        <translation>{moment} の{what}の領収書</translation>
    </message>
</context>
<context>
    <name>ReceiptsView</name>
    <message>
        <source>Receipts</source>
        <translation>領収書</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>読み込む…</translation>
    </message>
    <message>
        <source>Import a receipt from a file</source>
        <translation>ファイルから領収書を読み込む</translation>
    </message>
    <message>
        <source>Keep a receipt saved on another computer, once its signature checks out</source>
        <translation>別のコンピューターで保存した領収書を、署名を確認したうえで保管します</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Refresh the receipts</source>
        <translation>領収書を更新</translation>
    </message>
    <message>
        <source>The selected receipt</source>
        <translation>選択した領収書</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF として保存…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Save Signed Receipt…</source>
        <translation>署名付き領収書を保存…</translation>
    </message>
    <message>
        <source>The receipt as signed, for another computer or your records</source>
        <translation>署名されたままの領収書（別のコンピューター用や記録用）</translation>
    </message>
    <message>
        <source>Sign in to see your receipts</source>
        <translation>領収書を見るにはサインインしてください</translation>
    </message>
    <message>
        <source>Every purchase, policy and replacement leaves one.</source>
        <translation>購入、保険契約、交換のたびに発行されます。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>{n} receipt · {paid} paid in all</source>
        <translation>領収書 {n} 件 · 支払い合計 {paid}</translation>
    </message>
    <message>
        <source>{n} receipts · {paid} paid in all</source>
        <translation>領収書 {n} 件 · 支払い合計 {paid}</translation>
    </message>
    <message>
        <source>Receipt imported</source>
        <translation>領収書を読み込みました</translation>
    </message>
    <message>
        <source>{receipt}, signed by {signer}, is kept here.</source>
        <translation>{signer} が署名した{receipt}を保管しました。</translation>
    </message>
    <message>
        <source>{n} receipt kept here failed the signature check</source>
        <translation>保管している領収書 {n} 件が署名の確認に失敗しました</translation>
    </message>
    <message>
        <source>{n} receipts kept here failed the signature check</source>
        <translation>保管している領収書 {n} 件が署名の確認に失敗しました</translation>
    </message>
    <message>
        <source>It is not shown: it was changed after it was issued, or it is not yours ({why}). Refresh to fetch your receipts from the insurer again.</source>
        <translation>表示していません。発行後に変更されたか、あなたのものではありません（{why}）。「更新」で保険会社から領収書を取得し直してください。</translation>
    </message>
    <message>
        <source>Offline: showing the receipts kept on this computer</source>
        <translation>オフライン：このコンピューターに保管された領収書を表示しています</translation>
    </message>
    <message>
        <source>New receipts arrive with the next sync.</source>
        <translation>新しい領収書は次回の同期で届きます。</translation>
    </message>
    <message>
        <source>No receipts yet</source>
        <translation>まだ領収書はありません</translation>
    </message>
    <message>
        <source>Every purchase, policy and replacement leaves a signed receipt here.</source>
        <translation>購入、保険契約、交換のたびに、署名付きの領収書がここに残ります。</translation>
    </message>
    <message>
        <source>Save Receipt as PDF</source>
        <translation>領収書を PDF として保存</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt saved</source>
        <translation>領収書を保存しました</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>{path} に保存しました。</translation>
    </message>
    <message>
        <source>Save Signed Receipt</source>
        <translation>署名付き領収書を保存</translation>
    </message>
    <message>
        <source>Signed receipt (*.json)</source>
        <translation>署名付き領収書 (*.json)</translation>
    </message>
    <message>
        <source>Signed receipt saved</source>
        <translation>署名付き領収書を保存しました</translation>
    </message>
    <message>
        <source>Saved as {path}; Import… reads it on another computer.</source>
        <translation>{path} に保存しました。別のコンピューターでは「読み込む…」で読み込めます。</translation>
    </message>
    <message>
        <source>Print Receipt</source>
        <translation>領収書を印刷</translation>
    </message>
    <message>
        <source>Import a Receipt</source>
        <translation>領収書を読み込む</translation>
    </message>
    <message>
        <source>Signed receipt (*.json);;All files (*)</source>
        <translation>署名付き領収書 (*.json);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>RecoverConfirmation</name>
    <message>
        <source>Recover your whole library?</source>
        <translation>ライブラリ全体を復旧しますか？</translation>
    </message>
    <message>
        <source>Recover your whole library on this computer?</source>
        <translation>このコンピューターでライブラリ全体を復旧しますか？</translation>
    </message>
    <message>
        <source>Use this after a disk crash or on a new computer. New keys are made for your policy here and every insured track is sent again; copies on your other computers stop playing. It counts against your policy&apos;s limits like any claim.</source>
        <translation>ディスクの故障後や新しいコンピューターで使います。このコンピューターで保険契約の新しい鍵が作られ、保険付きの曲がすべて再送されます。ほかのコンピューターにあるコピーは再生できなくなります。ほかの請求と同じく、保険契約の上限の回数に数えられます。</translation>
    </message>
    <message>
        <source>Recover My Library</source>
        <translation>ライブラリを復旧</translation>
    </message>
</context>
<context>
    <name>ReplayGainMenu</name>
    <message>
        <source>&amp;Off</source>
        <translation>オフ(&amp;O)</translation>
    </message>
    <message>
        <source>Play every track at its own level</source>
        <translation>各曲を元の音量で再生します</translation>
    </message>
    <message>
        <source>&amp;Track Gain</source>
        <translation>トラックゲイン(&amp;T)</translation>
    </message>
    <message>
        <source>Play every track at the same loudness</source>
        <translation>すべての曲を同じ音量で再生します</translation>
    </message>
    <message>
        <source>&amp;Album Gain</source>
        <translation>アルバムゲイン(&amp;A)</translation>
    </message>
    <message>
        <source>Play every album at the same loudness, its tracks as mastered</source>
        <translation>すべてのアルバムを同じ音量で再生します（アルバム内の曲はマスタリングどおり）</translation>
    </message>
    <message>
        <source>Replay&amp;Gain</source>
        <translation>ReplayGain(&amp;G)</translation>
    </message>
</context>
<context>
    <name>Requester</name>
    <message>
        <source>Finished the recovery of {n} track</source>
        <translation>{n} 曲の復旧が完了しました</translation>
    </message>
    <message>
        <source>Finished the recovery of {n} tracks</source>
        <translation>{n} 曲の復旧が完了しました</translation>
    </message>
    <message>
        <source>Finished the loss report of {n} track</source>
        <translation>{n} 曲の紛失の報告が完了しました</translation>
    </message>
    <message>
        <source>Finished the loss report of {n} tracks</source>
        <translation>{n} 曲の紛失の報告が完了しました</translation>
    </message>
    <message>
        <source>Finished choosing {track}</source>
        <translation>{track} の選択が完了しました</translation>
    </message>
    <message>
        <source>Finished the upgrade of {track}</source>
        <translation>{track} のアップグレードが完了しました</translation>
    </message>
    <message>
        <source>Dropped an unfinished request this version does not know ({kind})</source>
        <translation>このバージョンが扱えない未完了のリクエストを破棄しました（{kind}）</translation>
    </message>
</context>
<context>
    <name>SearchFeedback</name>
    <message>
        <source>Clear Search</source>
        <translation>検索を消去</translation>
    </message>
    <message>
        <source>No tracks match “{query}”.</source>
        <translation>「{query}」に一致する曲はありません。</translation>
    </message>
    <message>
        <source>No tracks here.</source>
        <translation>ここには曲がありません。</translation>
    </message>
    <message>
        <source>Press Esc to clear the search.</source>
        <translation>Esc キーで検索を消去できます。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections</source>
        <translation>セクション</translation>
    </message>
    <message>
        <source>Cover of the current track</source>
        <translation>再生中の曲のカバー</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Connecting to the insurer…</source>
        <translation>保険会社に接続しています…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>オフラインで作業中</translation>
    </message>
    <message>
        <source>no license list cached yet</source>
        <translation>ライセンスリストがまだ保存されていません</translation>
    </message>
    <message>
        <source>the cached license list ran out {when}</source>
        <translation>保存済みのライセンスリストは {when} に期限切れになりました</translation>
    </message>
    <message>
        <source>until {when} ({left})</source>
        <translation>{when} まで（残り {left}）</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Retry connecting to the insurer</source>
        <translation>保険会社への接続を再試行</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最終同期</translation>
    </message>
    <message>
        <source>Offline playback</source>
        <translation>オフライン再生</translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation>同期: {when}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>未同期</translation>
    </message>
    <message>
        <source>Offline playback {until}</source>
        <translation>オフライン再生: {until}</translation>
    </message>
    <message>
        <source>How long the signed license list cached here lets valid tracks play without the insurer.</source>
        <translation>ここに保存されている署名付きライセンスリストで、保険会社なしに有効な曲を再生できる期間です。</translation>
    </message>
</context>
<context>
    <name>StorageDoing</name>
    <message>
        <source>read</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <source>write</source>
        <translation>書き込み</translation>
    </message>
    <message>
        <source>list</source>
        <translation>一覧の取得</translation>
    </message>
    <message>
        <source>create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>open</source>
        <translation>オープン</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>finish</source>
        <translation>仕上げ</translation>
    </message>
    <message>
        <source>open the lock file</source>
        <translation>ロックファイルのオープン</translation>
    </message>
    <message>
        <source>move aside the damaged index</source>
        <translation>壊れた索引の退避</translation>
    </message>
</context>
<context>
    <name>StoreActions</name>
    <message>
        <source>Preview the selected track</source>
        <translation>選択した曲を試聴</translation>
    </message>
    <message>
        <source>Stop Preview</source>
        <translation>試聴を停止</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>試聴</translation>
    </message>
    <message>
        <source>Buy {n} Tracks Insured…</source>
        <translation>{n} 曲を保険付きで購入…</translation>
    </message>
    <message>
        <source>Buy Insured…</source>
        <translation>保険付きで購入…</translation>
    </message>
    <message>
        <source>Buy {n} Tracks without Insurance…</source>
        <translation>{n} 曲を保険なしで購入…</translation>
    </message>
    <message>
        <source>Buy without Insurance…</source>
        <translation>保険なしで購入…</translation>
    </message>
    <message>
        <source>Buy the Whole Album Insured…</source>
        <translation>アルバム全体を保険付きで購入…</translation>
    </message>
    <message>
        <source>Insure…</source>
        <translation>保険をかける…</translation>
    </message>
</context>
<context>
    <name>StoreBuying</name>
    <message>
        <source>Sold at the checkout of {provider}, which asks your insurer to insure it.</source>
        <translation>{provider} のレジで販売され、そこから保険会社に保険が依頼されます。</translation>
    </message>
</context>
<context>
    <name>StoreSeveral</name>
    <message>
        <source>“{title}” by {artist}, {price}</source>
        <translation>{artist} の「{title}」、{price}</translation>
    </message>
    <message>
        <source>and {n} more track</source>
        <translation>ほか {n} 曲</translation>
    </message>
    <message>
        <source>and {n} more tracks</source>
        <translation>ほか {n} 曲</translation>
    </message>
    <message>
        <source>Buy insured</source>
        <translation>保険付きで購入</translation>
    </message>
    <message>
        <source>Buy these {n} tracks, insured?</source>
        <translation>この {n} 曲を保険付きで購入しますか？</translation>
    </message>
    <message>
        <source>Prices: {price}
Insurance premiums: {premium}
Together: {together}

If a track or its license is lost, the insurer re-distributes it under your policy.</source>
        <translation>価格：{price}
保険料：{premium}
合計：{together}

曲やそのライセンスを紛失したときは、保険契約に基づいて保険会社が再配布します。</translation>
    </message>
    <message>
        <source>Buy without insurance</source>
        <translation>保険なしで購入</translation>
    </message>
    <message>
        <source>Buy these {n} tracks, without insurance?</source>
        <translation>この {n} 曲を保険なしで購入しますか？</translation>
    </message>
    <message>
        <source>Prices: {price}, no premiums.

If a track or its license is lost, nothing re-distributes it. You can insure them later from your library (premiums now {premium}).</source>
        <translation>価格：{price}（保険料なし）

曲やそのライセンスを紛失しても再配布されません。後からライブラリで保険をかけられます（現在の保険料 {premium}）。</translation>
    </message>
    <message>
        <source>{n} tracks are yours, insured</source>
        <translation>{n} 曲を保険付きで購入しました</translation>
    </message>
    <message>
        <source>Paid {price} and premiums of {premium}. They are in your library and play from there.</source>
        <translation>{price} と保険料 {premium} を支払いました。ライブラリに入っており、そこから再生できます。</translation>
    </message>
    <message>
        <source>{n} tracks are yours, not insured</source>
        <translation>{n} 曲を保険なしで購入しました</translation>
    </message>
    <message>
        <source>Paid {price}. They are in your library and play from there; insure them later from the library (Insure…).</source>
        <translation>{price} を支払いました。ライブラリに入っており、そこから再生できます。保険は後からライブラリでかけられます（保険をかける…）。</translation>
    </message>
</context>
<context>
    <name>StoreView</name>
    <message>
        <source>All genres</source>
        <translation>すべてのジャンル</translation>
    </message>
    <message>
        <source>Genre filter</source>
        <translation>ジャンルで絞り込み</translation>
    </message>
    <message>
        <source>Search title, artist, album, provider…</source>
        <translation>タイトル、アーティスト、アルバム、配信元を検索…</translation>
    </message>
    <message>
        <source>Search the store</source>
        <translation>ストアを検索</translation>
    </message>
    <message>
        <source>Buy insured…</source>
        <translation>保険付きで購入…</translation>
    </message>
    <message>
        <source>Buy the selected track with insurance</source>
        <translation>選択した曲を保険付きで購入</translation>
    </message>
    <message>
        <source>Buy without insurance…</source>
        <translation>保険なしで購入…</translation>
    </message>
    <message>
        <source>Buy the selected track at its provider, without insurance</source>
        <translation>選択した曲を配信元から保険なしで購入</translation>
    </message>
    <message>
        <source>Store catalog</source>
        <translation>ストアのカタログ</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>ダウンロードの進み具合</translation>
    </message>
    <message>
        <source>Genre:</source>
        <translation>ジャンル：</translation>
    </message>
    <message>
        <source>Loading the catalog…</source>
        <translation>カタログを読み込んでいます…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Buying and browsing the catalog need the insurer. Your library keeps playing offline.</source>
        <translation>カタログの閲覧と購入には保険会社への接続が必要です。ライブラリはオフラインでも再生できます。</translation>
    </message>
    <message>
        <source>{why}. {detail}</source>
        <translation>{why}。{detail}</translation>
    </message>
    <message>
        <source>The store needs a connection</source>
        <translation>ストアには接続が必要です</translation>
    </message>
    <message>
        <source>{shown} of {total} tracks</source>
        <translation>{total} 曲中 {shown} 曲</translation>
    </message>
    <message>
        <source>{n} track</source>
        <translation>{n} 曲</translation>
    </message>
    <message>
        <source>{n} tracks</source>
        <translation>{n} 曲</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>something went wrong inside the player ({error})</source>
        <translation>プレーヤー内部で問題が発生しました（{error}）</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>Received {track}</source>
        <translation>{track} を受信しました</translation>
    </message>
    <message>
        <source>Fetched the missing file of {track} again</source>
        <translation>{track} の失われたファイルを再取得しました</translation>
    </message>
    <message>
        <source>Received {n} receipt</source>
        <translation>領収書を {n} 件受信しました</translation>
    </message>
    <message>
        <source>Received {n} receipts</source>
        <translation>領収書を {n} 件受信しました</translation>
    </message>
    <message>
        <source>{n} receipt from the insurer did not verify and was not kept</source>
        <translation>保険会社からの領収書 {n} 件は検証できなかったため保存しませんでした</translation>
    </message>
    <message>
        <source>{n} receipts from the insurer did not verify and were not kept</source>
        <translation>保険会社からの領収書 {n} 件は検証できなかったため保存しませんでした</translation>
    </message>
    <message>
        <source>Finished buying {track}</source>
        <translation>{track} の購入が完了しました</translation>
    </message>
    <message>
        <source>Finished buying {track} (without insurance)</source>
        <translation>{track} の購入が完了しました（保険なし）</translation>
    </message>
    <message>
        <source>Finished insuring {n} track</source>
        <translation>{n} 曲に保険をかけました</translation>
    </message>
    <message>
        <source>Finished insuring {n} tracks</source>
        <translation>{n} 曲に保険をかけました</translation>
    </message>
    <message>
        <source>{track}: the insurer of its audio was not told ({why})</source>
        <translation>{track}：音声の保険会社には伝えられませんでした（{why}）</translation>
    </message>
    <message>
        <source>your insurer</source>
        <translation>ご契約の保険会社</translation>
    </message>
</context>
<context>
    <name>TrackNotifier</name>
    <message>
        <source>{artist} — {album}</source>
        <translation>{artist} — {album}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Hide Insured Player</source>
        <translation>Insured Player を隠す</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Show Insured Player</source>
        <translation>Insured Player を表示</translation>
    </message>
</context>
<context>
    <name>UpgradeOffers</name>
    <message>
        <source>A newer version of “{track}” is available, free. Upgrading replaces the version you have.</source>
        <translation>「{track}」の新しい版を無料で入手できます。アップグレードすると、お持ちの版と置き換わります。</translation>
    </message>
    <message>
        <source>Newer versions of {n} tracks are available, free. Upgrading replaces the versions you have.</source>
        <translation>{n} 曲の新しい版を無料で入手できます。アップグレードすると、お持ちの版と置き換わります。</translation>
    </message>
    <message>
        <source>Newer versions</source>
        <translation>新しい版</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>アップグレード</translation>
    </message>
    <message>
        <source>Upgrade to Version {version}</source>
        <translation>バージョン {version} にアップグレード</translation>
    </message>
    <message>
        <source>Upgrade to the Newer Versions</source>
        <translation>新しい版にアップグレード</translation>
    </message>
    <message>
        <source>“{track}” is now version {version}.</source>
        <translation>「{track}」はバージョン {version} になりました。</translation>
    </message>
    <message>
        <source>{n} tracks were upgraded to their newer versions.</source>
        <translation>{n} 曲を新しい版にアップグレードしました。</translation>
    </message>
    <message>
        <source>{track}: the insurer of its audio was not told ({why})</source>
        <translation>{track}：音声の保険会社には伝えられませんでした（{why}）</translation>
    </message>
    <message>
        <source>{track}: {why}</source>
        <translation>{track}：{why}</translation>
    </message>
    <message>
        <source>The upgrade did not go through</source>
        <translation>アップグレードできませんでした</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Repeat (off)</source>
        <translation>リピート: オフ(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Repeat (all tracks)</source>
        <translation>リピート: 全曲(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Repeat (this track)</source>
        <translation>リピート: この曲(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;huffle (off)</source>
        <translation>シャッフル: オフ(&amp;H)</translation>
    </message>
    <message>
        <source>S&amp;huffle (tracks)</source>
        <translation>シャッフル: 曲(&amp;H)</translation>
    </message>
    <message>
        <source>S&amp;huffle (albums)</source>
        <translation>シャッフル: アルバム(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>今すぐ同期(&amp;S)</translation>
    </message>
    <message>
        <source>Add &amp;Music…</source>
        <translation>音楽を追加(&amp;M)…</translation>
    </message>
    <message>
        <source>Add Music &amp;Folder…</source>
        <translation>音楽フォルダーを追加(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Check Library</source>
        <translation>ライブラリを確認(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Report a Loss…</source>
        <translation>紛失を報告(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose &amp;Alternates…</source>
        <translation>代替曲を選ぶ(&amp;A)…</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>サインイン(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out…</source>
        <translation>サインアウト(&amp;O)…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>設定(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>再生/一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next Track</source>
        <translation>次の曲(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Track</source>
        <translation>前の曲(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>ミュート(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Louder</source>
        <translation>音量を上げる(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quieter</source>
        <translation>音量を下げる(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>リピート(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;huffle</source>
        <translation>シャッフル(&amp;H)</translation>
    </message>
    <message>
        <source>Play &amp;Next</source>
        <translation>次に再生(&amp;N)</translation>
    </message>
    <message>
        <source>Add to &amp;Queue</source>
        <translation>キューに追加(&amp;Q)</translation>
    </message>
    <message>
        <source>Notify on Track &amp;Change</source>
        <translation>曲が変わったら通知(&amp;C)</translation>
    </message>
    <message>
        <source>Seek &amp;Forward 5 s</source>
        <translation>5 秒進む(&amp;F)</translation>
    </message>
    <message>
        <source>Seek &amp;Back 5 s</source>
        <translation>5 秒戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>ライブラリ(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>ストア(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Insurance</source>
        <translation>保険(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Receipts</source>
        <translation>領収書(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Insured Player</source>
        <translation>Insured Player について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Up Next</source>
        <translation>再生キュー(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Artists and Albums</source>
        <translation>アーティストとアルバム(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;laylists</source>
        <translation>プレイリスト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>About Insured Player</source>
        <translation>Insured Player について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Insured Player&lt;/h3&gt;&lt;p&gt;A music player whose tracks are insured: if they are lost, the insurer re-issues them (EP 1 391 838 A1).&lt;/p&gt;&lt;p&gt;Server: {server}&lt;br&gt;Library: {library}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Insured Player&lt;/h3&gt;&lt;p&gt;曲に保険がかかった音楽プレーヤーです。曲を紛失しても、保険会社が再発行します（EP 1 391 838 A1）。&lt;/p&gt;&lt;p&gt;サーバー: {server}&lt;br&gt;ライブラリ: {library}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Play (media key)</source>
        <translation>再生（メディアキー）</translation>
    </message>
    <message>
        <source>Play/Pause (media key)</source>
        <translation>再生/一時停止（メディアキー）</translation>
    </message>
    <message>
        <source>Pause (media key)</source>
        <translation>一時停止（メディアキー）</translation>
    </message>
    <message>
        <source>Stop (media key)</source>
        <translation>停止（メディアキー）</translation>
    </message>
    <message>
        <source>Next track (media key)</source>
        <translation>次の曲（メディアキー）</translation>
    </message>
    <message>
        <source>Previous track (media key)</source>
        <translation>前の曲（メディアキー）</translation>
    </message>
    <message>
        <source>Louder (volume key)</source>
        <translation>音量を上げる（音量キー）</translation>
    </message>
    <message>
        <source>Quieter (volume key)</source>
        <translation>音量を下げる（音量キー）</translation>
    </message>
    <message>
        <source>Mute (volume key)</source>
        <translation>ミュート（音量キー）</translation>
    </message>
    <message>
        <source>Added {n} track to play next (Ctrl+U shows the queue).</source>
        <translation>{n} 曲を次に再生するよう追加しました（Ctrl+U でキューを表示）。</translation>
    </message>
    <message>
        <source>Added {n} tracks to play next (Ctrl+U shows the queue).</source>
        <translation>{n} 曲を次に再生するよう追加しました（Ctrl+U でキューを表示）。</translation>
    </message>
    <message>
        <source>Added {n} track to the end of the queue (Ctrl+U shows the queue).</source>
        <translation>{n} 曲をキューの最後に追加しました（Ctrl+U でキューを表示）。</translation>
    </message>
    <message>
        <source>Added {n} tracks to the end of the queue (Ctrl+U shows the queue).</source>
        <translation>{n} 曲をキューの最後に追加しました（Ctrl+U でキューを表示）。</translation>
    </message>
    <message>
        <source>End of the queue: turn Repeat on to start again from the top.</source>
        <translation>キューの最後です。最初からもう一度再生するにはリピートをオンにしてください。</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>“{title}” by {artist}</source>
        <translation>{artist}の「{title}」</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>「{title}」</translation>
    </message>
    <message>
        <source>{rate} of the price at {provider}</source>
        <translation>{provider}では価格の {rate}</translation>
    </message>
    <message>
        <source>{said}, {rate} at {provider}</source>
        <translation>{said}、{provider}では {rate}</translation>
    </message>
    <message>
        <source>added {n} track</source>
        <translation>{n} 曲を追加</translation>
    </message>
    <message>
        <source>added {n} tracks</source>
        <translation>{n} 曲を追加</translation>
    </message>
    <message>
        <source>{n} changed</source>
        <translation>{n} 曲を更新</translation>
    </message>
    <message>
        <source>{n} gone</source>
        <translation>{n} 曲が削除</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the files named</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <source>{n} file was not added ({named})</source>
        <translation>{n} 個のファイルは追加されませんでした（{named}）</translation>
    </message>
    <message>
        <source>{n} files were not added ({named})</source>
        <translation>{n} 個のファイルは追加されませんでした（{named}）</translation>
    </message>
    <message>
        <source>{n} files were not added: they are not audio this player reads ({first}, …)</source>
        <translation>{n} 個のファイルは、このプレーヤーで読めない音声のため追加されませんでした（{first}、…）</translation>
    </message>
    <message>
        <source>{where} cannot be reached now (is its drive plugged in?)</source>
        <translation>{where} に現在アクセスできません（ドライブは接続されていますか？）</translation>
    </message>
    <message>
        <source>{where} cannot be reached now (are their drives plugged in?)</source>
        <translation>{where} に現在アクセスできません（ドライブは接続されていますか？）</translation>
    </message>
    <message>
        <source>Nothing new: that music is already in your library.</source>
        <translation>新しい曲はありません。その音楽はすでにライブラリにあります。</translation>
    </message>
    <message>
        <source>{sentence} {next}</source>
        <comment>two sentences in a row</comment>
        <translation>{sentence}{next}</translation>
    </message>
    <message>
        <source>re-distributed after a loss report: a new copy replaces this one</source>
        <translation>紛失の報告により再配布されました。新しいコピーがこれに代わります</translation>
    </message>
    <message>
        <source>re-distributed after a crash: a new copy replaces this one</source>
        <translation>ライブラリの破損により再配布されました。新しいコピーがこれに代わります</translation>
    </message>
    <message>
        <source>replaced by an alternate track (the supplier discontinued the original)</source>
        <translation>代替曲に置き換えられました（配信元が元の曲の配信を終了しました）</translation>
    </message>
    <message>
        <source>replaced by a newer version of the track</source>
        <translation>この曲の新しいバージョンに置き換えられました</translation>
    </message>
    <message>
        <source>replaced when the purchase was insured: the insured copy plays instead</source>
        <translation>購入に保険をかけた際に置き換えられました。保険付きのコピーが代わりに再生されます</translation>
    </message>
    <message>
        <source>not in the cached license list yet: it is checked with the insurer when online</source>
        <translation>保存済みのライセンスリストにまだありません。オンライン時に保険会社に確認します</translation>
    </message>
    <message>
        <source>no license list cached yet: connect to the insurer once</source>
        <translation>ライセンスリストがまだ保存されていません。一度保険会社に接続してください</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>{reason} (on {day})</source>
        <translation>{reason}（{day}）</translation>
    </message>
    <message>
        <source>Its supplier no longer distributes this track.</source>
        <translation>配信元がこの曲の配信を終了しました。</translation>
    </message>
    <message>
        <source>Its supplier&apos;s service is down at the moment.</source>
        <translation>配信元のサービスが現在停止しています。</translation>
    </message>
    <message>
        <source>Its supplier has ended its business.</source>
        <translation>配信元が事業を終了しました。</translation>
    </message>
    <message>
        <source>It is not published in a format this computer plays.</source>
        <translation>このコンピューターで再生できる形式で配信されていません。</translation>
    </message>
    <message>
        <source>Its supplier cannot issue it again ({code}).</source>
        <translation>配信元が再発行できません（{code}）。</translation>
    </message>
    <message>
        <source>+{difference} of {limit}</source>
        <translation>+{difference}（上限 {limit}）</translation>
    </message>
    <message>
        <source>same price</source>
        <translation>同じ価格</translation>
    </message>
    <message>
        <source>{difference} (cheaper)</source>
        <translation>{difference}（安い）</translation>
    </message>
    <message>
        <source>{difference} more than the lost track</source>
        <translation>紛失した曲より {difference} 高い</translation>
    </message>
    <message>
        <source>the same price as the lost track</source>
        <translation>紛失した曲と同じ価格</translation>
    </message>
    <message>
        <source>{difference} cheaper than the lost track</source>
        <translation>紛失した曲より {difference} 安い</translation>
    </message>
    <message>
        <source>Purchase with insurance</source>
        <translation>保険付きの購入</translation>
    </message>
    <message>
        <source>Insurance policy</source>
        <translation>保険契約</translation>
    </message>
    <message>
        <source>Replacement of a lost track</source>
        <translation>紛失した曲の再発行</translation>
    </message>
    <message>
        <source>Alternate for a lost track</source>
        <translation>紛失した曲の代替曲</translation>
    </message>
    <message>
        <source>Newer version of a track</source>
        <translation>曲の新しいバージョン</translation>
    </message>
    <message>
        <source>Insurance of tracks you had bought</source>
        <translation>購入済みの曲への保険</translation>
    </message>
    <message>
        <source>Purchase without insurance</source>
        <translation>保険なしの購入</translation>
    </message>
    <message>
        <source>This track reached your policy&apos;s limit of re-distributions per track.</source>
        <translation>この曲は保険契約の 1 曲あたりの再配布回数の上限に達しています。</translation>
    </message>
    <message>
        <source>This track reached your policy&apos;s limit of re-distributions per track ({n} times).</source>
        <translation>この曲は保険契約の 1 曲あたりの再配布回数の上限（{n} 回）に達しています。</translation>
    </message>
    <message>
        <source>Your policy&apos;s total number of re-distributions is used up.</source>
        <translation>保険契約の再配布回数をすべて使い切りました。</translation>
    </message>
    <message>
        <source>Your policy&apos;s total number of re-distributions ({n}) is used up.</source>
        <translation>保険契約の再配布回数（計 {n} 回）をすべて使い切りました。</translation>
    </message>
    <message>
        <source>Your policy is still in its waiting period: {why}</source>
        <translation>保険契約はまだ待機期間中です。{why}</translation>
    </message>
    <message>
        <source>Your policy is still in its waiting period: re-distribution starts on {day}.</source>
        <translation>保険契約はまだ待機期間中です。再配布は{day}から利用できます。</translation>
    </message>
    <message>
        <source>This is outside your policy&apos;s guarantee period: {why}</source>
        <translation>保険契約の保証期間外です。{why}</translation>
    </message>
    <message>
        <source>This is outside your policy&apos;s guarantee period ({start} to {end}).</source>
        <translation>保険契約の保証期間（{start}～{end}）外です。</translation>
    </message>
    <message>
        <source>This alternate costs more than your policy covers: {why}</source>
        <translation>この代替曲の価格は保険契約の補償を超えています。{why}</translation>
    </message>
    <message>
        <source>This alternate costs more than your policy covers: at most {limit} more than the lost track.</source>
        <translation>この代替曲の価格は保険契約の補償を超えています。補償されるのは紛失した曲より最大 {limit} 高い曲までです。</translation>
    </message>
    <message>
        <source>{track} was bought without insurance, so no claim covers it: insure it first (Insure… in the library).</source>
        <translation>{track}は保険なしで購入されたため、請求の対象になりません。先に保険をかけてください（ライブラリの「保険をかける…」）。</translation>
    </message>
    <message>
        <source>This track</source>
        <translation>この曲</translation>
    </message>
    <message>
        <source>It cannot be re-issued, and no supplier offers an alternate within your policy&apos;s limit on the price difference.</source>
        <translation>再発行できず、保険契約の価格差の上限内で代替曲を提供する配信元もありません。</translation>
    </message>
    <message>
        <source>This purchase was already compensated by another insurer: a loss is compensated once, whoever insures it.</source>
        <translation>この購入はすでに別の保険会社が補償しています。紛失の補償は、どの保険会社でも一度だけです。</translation>
    </message>
    <message>
        <source>Several losses were compensated to you by more than one insurer in the last month; the insurers look at such a pattern together before compensating another. Contact your insurer.</source>
        <translation>この1か月に複数の保険会社から何度も紛失の補償を受けています。このような場合、保険会社どうしで確認してから次の補償を判断します。ご契約の保険会社にお問い合わせください。</translation>
    </message>
    <message>
        <source>You own this track already, so it cannot take the lost one&apos;s place: choose another.</source>
        <translation>この曲はすでにお持ちのため、紛失した曲の代わりにはできません。別の曲を選んでください。</translation>
    </message>
    <message>
        <source>The lost copy was replaced in the meantime, from this computer or another one.</source>
        <translation>紛失した曲は、このコンピューターまたは別のコンピューターから、すでに置き換えられています。</translation>
    </message>
    <message>
        <source>An alternate was chosen for this track already, from this computer or another one.</source>
        <translation>この曲の代替曲は、このコンピューターまたは別のコンピューターから、すでに選ばれています。</translation>
    </message>
    <message>
        <source>This purchase was already compensated by {insurer} on {day}: a loss is compensated once, whoever insures it.</source>
        <translation>この購入は {day} に {insurer} が補償済みです。紛失の補償は、どの保険会社で保険をかけていても 1 回だけです。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{n} loss was compensated to you by {count} insurers ({insurers}) in the last {days} days; claims are accepted again from {day}.</source>
        <translation>過去 {days} 日間に {count} 社の保険会社 ({insurers}) から {n} 件の紛失補償を受けています。{day} から再び請求を受け付けます。</translation>
    </message>
    <message>
        <source>{n} losses were compensated to you by {count} insurers ({insurers}) in the last {days} days; claims are accepted again from {day}.</source>
        <translation>過去 {days} 日間に {count} 社の保険会社 ({insurers}) から {n} 件の紛失補償を受けています。{day} から再び請求を受け付けます。</translation>
    </message>
    <message>
        <source>The insurer gave no reason.</source>
        <translation>保険会社から理由の説明はありませんでした。</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>a date in this year, as Qt&apos;s date pattern</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>a date in another year, as Qt&apos;s date pattern</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 日</translation>
    </message>
    <message>
        <source>less than 2 days</source>
        <translation>2 日未満</translation>
    </message>
    <message>
        <source>less than a day</source>
        <translation>1 日未満</translation>
    </message>
    <message>
        <source>.</source>
        <comment>the full stop that ends a sentence</comment>
        <translation>。</translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation>{n} 日</translation>
    </message>
    <message>
        <source>{n} time per track</source>
        <translation>1 曲あたり {n} 回</translation>
    </message>
    <message>
        <source>{n} times per track</source>
        <translation>1 曲あたり {n} 回</translation>
    </message>
    <message>
        <source>{n} time in total</source>
        <translation>合計 {n} 回</translation>
    </message>
    <message>
        <source>{n} times in total</source>
        <translation>合計 {n} 回</translation>
    </message>
    <message>
        <source>from the day the contract is signed</source>
        <translation>契約した日から</translation>
    </message>
    <message>
        <source>from {n} day after the contract is signed</source>
        <translation>契約の {n} 日後から</translation>
    </message>
    <message>
        <source>from {n} days after the contract is signed</source>
        <translation>契約の {n} 日後から</translation>
    </message>
    <message>
        <source>If insured tracks or their licenses are lost within {days}, the insurer re-distributes them free of charge: up to {per_track} and {total}, {starting}. When a track can no longer be issued, you choose an alternate from any provider costing at most {amount} more. Each re-distribution invalidates the license it replaces.</source>
        <translation>保険に加入した曲やそのライセンスを {days}以内に失ったときは、保険会社が無料で再配布します（{per_track}、{total}まで。{starting}）。曲をもう発行できないときは、どの提供元の曲からでも、差額 {amount} 以内の代わりの曲を選べます。再配布するたびに、置き換えられたライセンスは無効になります。</translation>
    </message>
</context>
<context>
    <name>_Panel</name>
    <message>
        <source>{title}. {text}</source>
        <translation>{title}。{text}</translation>
    </message>
</context>
</TS>
