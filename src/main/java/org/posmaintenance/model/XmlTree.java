package org.posmaintenance.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A model file (BPMN, DMN) as a plain tree of elements with their namespace, attributes, text and line,
 * read with a SAX parser that refuses document type declarations (no external entities).
 */
final class XmlTree {

    /** An XML element. Attribute keys are {@code {namespace}localName}, or the local name without a namespace. */
    record Element(String namespace, String name, Map<String, String> attributes, StringBuilder text,
                   List<Element> children, Element parent, int line, int column) {

        String attribute(String namespace, String localName) {
            return attributes.get(key(namespace, localName));
        }

        String attribute(String localName) {
            return attributes.get(localName);
        }

        /** The id of this element, or of the nearest ancestor that has one. */
        String nearestId() {
            for (Element element = this; element != null; element = element.parent) {
                String id = element.attribute("id");
                if (id != null) {
                    return id;
                }
            }
            return null;
        }

        boolean is(String namespace, String localName) {
            return namespace.equals(this.namespace) && localName.equals(name);
        }

        /** This element and all below it, depth first. */
        void forEach(Consumer<Element> action) {
            action.accept(this);
            children.forEach(child -> child.forEach(action));
        }

        @Override
        public String toString() {
            return name + (attribute("id") == null ? "" : " " + attribute("id")) + " (line " + line + ")";
        }
    }

    static String key(String namespace, String localName) {
        return namespace == null || namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
    }

    /** The root element of the document. */
    static Element parse(byte[] xml) throws IOException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Builder builder = new Builder();
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), builder);
            if (builder.root == null) {
                throw new IOException("no XML element");
            }
            return builder.root;
        } catch (SAXException e) {
            throw new IOException(e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Builder extends DefaultHandler {
        private Locator locator;
        private Element root;
        private Element current;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                values.put(key(attributes.getURI(i), attributes.getLocalName(i)), attributes.getValue(i));
            }
            Element element = new Element(uri, localName, values, new StringBuilder(), new ArrayList<>(), current,
                    locator == null ? -1 : locator.getLineNumber(), locator == null ? -1 : locator.getColumnNumber());
            if (current == null) {
                root = element;
            } else {
                current.children().add(element);
            }
            current = element;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            current = current.parent();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (current != null) {
                current.text().append(ch, start, length);
            }
        }
    }

    private XmlTree() {
    }
}
