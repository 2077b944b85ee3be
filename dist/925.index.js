export const id = 925;
export const ids = [925];
export const modules = {

/***/ 91925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitContextError: () => (/* binding */ GitContextError),
/* harmony export */   readGitContext: () => (/* binding */ readGitContext)
/* harmony export */ });
// `metadata-context: git` — the ref, commit and commit date read from the local Git repository instead of
// GITHUB_REF/GITHUB_SHA, the way docker/metadata-action's `context: git` reads them (docker/actions-toolkit's Git
// helpers): a branch checkout gives its symbolic ref; a detached HEAD (what actions/checkout leaves) is named from
// its decoration — a tag, a pull-request ref or a remote branch — and, when HEAD is decorated with nothing, from the
// newest local branch, remote branch or tag that contains it. Workflows use it when the checkout is not the commit
// that triggered the run (a workflow_dispatch that checks out a release tag, a job that commits before building).
// Git runs through the runner handed in (src/exec.ts in the action), on the read side only.
/** Why the Git context could not be read (git's own message, or the HEAD decoration no rule names). */
class GitContextError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GitContextError';
    }
}
/** A git command's trimmed output. As the toolkit does, a failure counts only when git also said why on stderr. */
async function git(run, args) {
    const out = await run(args);
    if (out.code !== 0 && out.stderr.trim() !== '') {
        throw new GitContextError(`git ${args.join(' ')}: ${out.stderr.trim().split('\n')[0]}`);
    }
    return out.stdout.trim();
}
const nonEmptyLines = (text) => text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
/** The newest ref under `prefix` (refs/heads/, refs/remotes/) whose history contains HEAD. */
async function containingRef(run, prefix) {
    const out = await git(run, [
        'for-each-ref',
        '--format=%(refname)',
        '--contains',
        'HEAD',
        '--sort=-committerdate',
        prefix,
    ]);
    return nonEmptyLines(out)[0];
}
/** A HEAD with no decoration of its own: the branch, remote branch or tag that contains it. */
async function refContainingHead(run) {
    const local = await containingRef(run, 'refs/heads/');
    if (local)
        return local;
    const remote = await containingRef(run, 'refs/remotes/');
    if (remote) {
        const branch = /^refs\/remotes\/[^/]+\/(.+)$/.exec(remote)?.[1];
        return branch ? `refs/heads/${branch}` : remote;
    }
    const tag = nonEmptyLines(await git(run, ['tag', '--contains', 'HEAD']))[0];
    if (tag)
        return `refs/tags/${tag}`;
    throw new GitContextError('cannot tell the ref of the detached HEAD: no branch or tag contains it');
}
/**
 * `tag: v1.2.3` (possibly followed by more decorations): the tag ref it names among the tags at HEAD. The longest
 * names are tried first, so `tag: v1.2.3-rc.1, …` is never taken for `v1.2.3`.
 */
async function detachedTagRef(run, decoration, shown) {
    const out = await git(run, ['for-each-ref', '--format=%(refname)', '--points-at', 'HEAD', 'refs/tags/']);
    const refs = nonEmptyLines(out).sort((a, b) => b.length - a.length);
    for (const ref of refs) {
        const named = `tag: ${ref.slice('refs/tags/'.length)}`;
        if (decoration === named || decoration.startsWith(`${named}, `))
            return ref;
    }
    if (refs.length === 1)
        return refs[0];
    throw new GitContextError(`cannot find the tag of the detached HEAD in "${shown}"`);
}
/** The ref a detached HEAD stands for, from `git show -s --pretty=%D` (its decorations). */
async function detachedRef(run) {
    const shown = await git(run, ['show', '-s', '--pretty=%D']);
    // a shallow clone's boundary commit is decorated `grafted` first
    const decorations = shown.replace(/^grafted, /, '').trim();
    if (decorations === 'HEAD')
        return refContainingHead(run);
    const rest = /^HEAD, (.*)$/.exec(decorations)?.[1]?.trim();
    if (!rest)
        throw new GitContextError(`cannot find the ref of the detached HEAD in "${shown}"`);
    if (rest.startsWith('tag: '))
        return detachedTagRef(run, rest, shown);
    // actions/checkout of a pull request: `pull/42/merge` (or `/head`)
    if (/^pull\/\d+\/(head|merge)$/.test(rest))
        return `refs/${rest}`;
    // `origin/main, main`: the local branch's name. The toolkit's pattern misreads a branch with a slash
    // (`origin/feature/x, feature/x` became `refs/heads/feature/x, feature/x`); a remote branch followed by the local
    // branch of the same name is read whole first.
    const pair = /^[^/]+\/(.+), (.+)$/.exec(rest);
    const branch = pair && pair[1] === pair[2] ? pair[2] : (/^[^/]+\/[^/]+, (.+)$/.exec(rest)?.[1] ?? /^[^/]+\/(.+)$/.exec(rest)?.[1]);
    if (branch)
        return `refs/heads/${branch.trim()}`;
    throw new GitContextError(`the detached HEAD's decoration "${shown}" names no branch, tag or pull request`);
}
/** The ref, commit and commit date of the repository in the working directory. */
async function readGitContext(run) {
    const detached = (await git(run, ['branch', '--show-current'])) === '';
    const ref = detached ? await detachedRef(run) : await git(run, ['symbolic-ref', 'HEAD']);
    const sha = await git(run, ['show', '--format=%H', 'HEAD', '--quiet', '--']);
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) {
        throw new GitContextError(`git show --format=%H HEAD gave "${sha}", not a commit id`);
    }
    const date = await git(run, ['show', '-s', '--format=%cI', sha]);
    const commitDate = new Date(date);
    if (Number.isNaN(commitDate.getTime())) {
        throw new GitContextError(`git show -s --format=%cI ${sha} gave "${date}", not a date`);
    }
    return { ref, sha, commitDate };
}


/***/ })

};
