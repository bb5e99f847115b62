import type { ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from '../lib/markdown.ts';

/**
 * Renders the safe Markdown tree as React elements. Headings start at `baseLevel` so the notes'
 * "# Ergebnisse" does not compete with the page's own h1.
 */
export function MarkdownView({ source, baseLevel = 3 }: { source: string; baseLevel?: number }) {
  return <>{parseMarkdown(source).map((block, i) => renderBlock(block, i, baseLevel))}</>;
}

function renderBlock(block: Block, key: number, baseLevel: number): ReactNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, baseLevel + block.level - 1);
      const Tag = `h${level}` as 'h3';
      return <Tag key={key}>{renderInline(block.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{renderInline(block.children)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInline(item)}</li>);
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'quote':
      return <blockquote key={key}>{renderInline(block.children)}</blockquote>;
    case 'code':
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr key={key} />;
  }
}

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <span key={i}>{node.text}</span>;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(node.children)}
          </a>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}
